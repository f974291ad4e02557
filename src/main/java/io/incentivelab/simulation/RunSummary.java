package io.incentivelab.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's summary (model.md §9 contract): per subnet and network-wide, each value the mean over the
 * samples taken in the last quarter of the horizon.
 *
 * @param subnets per subnet, in scenario order
 * @param network network-wide outputs ({@code issuanceTao}, {@code crossSubnetHhi},
 *                {@code resourceShareBySubnet.<resource>.<subnet>}, …), in a fixed order
 */
public record RunSummary(List<SubnetSummary> subnets, Map<String, Double> network) {

    public RunSummary {
        subnets = List.copyOf(subnets);
        network = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(network));
    }

    /**
     * Every numeric output as one flat, ordered map: {@code "<subnet>.<key>"} for each subnet in scenario
     * order (keys in {@link SubnetRun#KEYS} order), then {@code "network.<key>"}. The order is the same for
     * every run of scenarios with the same subnet names.
     */
    public LinkedHashMap<String, Double> toFlatMap() {
        LinkedHashMap<String, Double> flat = new LinkedHashMap<>();
        for (SubnetSummary s : subnets) {
            s.values().forEach((k, v) -> flat.put(s.name() + "." + k, v));
        }
        network.forEach((k, v) -> flat.put("network." + k, v));
        return flat;
    }

    public SubnetSummary subnet(String name) {
        return subnets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subnet " + name));
    }
}
