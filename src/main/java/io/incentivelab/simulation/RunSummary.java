package io.incentivelab.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's summary (model.md §9 contract): per subnet and network-wide, each value the mean over the
 * samples taken in the last quarter of the horizon, and the final values (the last sample, whose interval
 * ends at the horizon).
 *
 * @param subnets      per subnet, in scenario order
 * @param network      network-wide outputs ({@code issuanceTao}, {@code crossSubnetHhi},
 *                     {@code resourceShareBySubnet.<resource>.<subnet>}, …), last-quarter means, in a fixed order
 * @param networkFinal the same keys at the final sample
 */
public record RunSummary(List<SubnetSummary> subnets, Map<String, Double> network, Map<String, Double> networkFinal) {

    /**
     * The subnet outputs whose final values are also in the flat map (as {@code "<subnet>.final.<key>"}):
     * the contract's emission and concentration fields ({@link SubnetMetric#finalInFlatMap()}). The rest are in {@link SubnetSummary#finalValues()}
     * and the time series.
     */
    public static final List<String> FINAL_FLAT_KEYS = SubnetMetric.finalFlatKeys();
    /** The network outputs whose final values are also in the flat map (as {@code "network.final.<key>"}). */
    public static final List<String> FINAL_FLAT_NETWORK_KEYS = List.of("issuanceTao");
    /** The segment that marks a final value in a flat key; such keys have no time series. */
    public static final String FINAL = "final";

    public RunSummary {
        subnets = List.copyOf(subnets);
        network = Collections.unmodifiableMap(new LinkedHashMap<>(network));
        networkFinal = Collections.unmodifiableMap(new LinkedHashMap<>(networkFinal));
    }

    /**
     * Every stored numeric output as one flat, ordered map: the last-quarter means as {@code "<subnet>.<key>"}
     * for each subnet in scenario order (keys in {@link SubnetMetric} order), then {@code "network.<key>"}
     * (together the keys of the time series, {@link Simulator#flatKeys}); then the final values of
     * {@link #FINAL_FLAT_KEYS} as {@code "<subnet>.final.<key>"} per subnet and of
     * {@link #FINAL_FLAT_NETWORK_KEYS} as {@code "network.final.<key>"}. The order is the same for every run of
     * scenarios with the same subnet names.
     */
    public LinkedHashMap<String, Double> toFlatMap() {
        LinkedHashMap<String, Double> flat = new LinkedHashMap<>();
        for (SubnetSummary s : subnets) {
            s.values().forEach((k, v) -> flat.put(s.name() + "." + k, v));
        }
        network.forEach((k, v) -> flat.put("network." + k, v));
        for (SubnetSummary s : subnets) {
            for (String k : FINAL_FLAT_KEYS) {
                flat.put(s.name() + "." + FINAL + "." + k, s.finalValue(k));
            }
        }
        for (String k : FINAL_FLAT_NETWORK_KEYS) {
            Double v = networkFinal.get(k);
            if (v == null) {
                throw new IllegalStateException("no final network output " + k);
            }
            flat.put("network." + FINAL + "." + k, v);
        }
        return flat;
    }

    /** True for a flat key that holds a final value (it has no time series). */
    public static boolean isFinalKey(String flatKey) {
        return flatKey.contains("." + FINAL + ".");
    }

    public SubnetSummary subnet(String name) {
        return subnets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subnet " + name));
    }
}
