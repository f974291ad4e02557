package io.incentivelab.notebook;

import io.incentivelab.notebook.ExperimentOutput.MetricSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the hardware goes: at one sweep point, each subnet's share of the network's compute, storage and
 * quality (the run outputs {@code network.resourceShareBySubnet.<resource>.<subnet>}, last-quarter means), each
 * with its mean and 95% CI over the replicates. Each resource's column sums to 1 in every run.
 *
 * @param subnets   rows, in scenario order
 * @param resources columns ({@link #RESOURCES} that the results hold)
 * @param cells     {@code cells.get(row).get(column)}; null where the results lack the value
 */
public record ResourceMatrix(List<String> subnets, List<String> resources, List<List<MetricSummary>> cells) {

    /** The prefix of the metrics the matrix is made of. */
    public static final String PREFIX = "network.resourceShareBySubnet.";
    /** The resources, in column order. */
    public static final List<String> RESOURCES = List.of("compute", "storage", "quality");
    /** The chart metric name of the matrix (chart kind {@code MATRIX}). */
    public static final String METRIC = "resourceShareBySubnet";

    public ResourceMatrix {
        subnets = List.copyOf(subnets);
        resources = List.copyOf(resources);
        cells = cells.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** Whether an output's metrics hold the matrix (engine outputs of every current engine do). */
    public static boolean available(List<String> metrics) {
        return metrics.stream().anyMatch(m -> m.startsWith(PREFIX));
    }

    /** The matrix of one point's metrics; empty when they hold none of it. */
    public static Optional<ResourceMatrix> of(Map<String, MetricSummary> metrics) {
        Set<String> subnets = new LinkedHashSet<>();
        Set<String> resources = new LinkedHashSet<>();
        for (String m : metrics.keySet()) {
            if (!m.startsWith(PREFIX)) {
                continue;
            }
            String rest = m.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || !RESOURCES.contains(rest.substring(0, dot))) {
                continue;
            }
            resources.add(rest.substring(0, dot));
            subnets.add(rest.substring(dot + 1));
        }
        if (subnets.isEmpty()) {
            return Optional.empty();
        }
        List<String> cols = RESOURCES.stream().filter(resources::contains).toList();
        List<List<MetricSummary>> cells = new ArrayList<>();
        for (String s : subnets) {
            List<MetricSummary> row = new ArrayList<>();
            for (String r : cols) {
                row.add(metrics.get(PREFIX + r + "." + s));
            }
            cells.add(row);
        }
        return Optional.of(new ResourceMatrix(new ArrayList<>(subnets), cols, cells));
    }

    /** The cell of a subnet and a resource; null if absent. */
    public MetricSummary cell(String subnet, String resource) {
        int i = subnets.indexOf(subnet);
        int j = resources.indexOf(resource);
        return i < 0 || j < 0 ? null : cells.get(i).get(j);
    }
}
