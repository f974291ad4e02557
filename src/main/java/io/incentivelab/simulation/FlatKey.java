package io.incentivelab.simulation;

import java.util.Optional;

/**
 * A key of {@link RunSummary#toFlatMap()} (and of the time series) taken apart: {@code "<scope>.<key>"} or
 * {@code "<scope>.final.<key>"}, where the scope is a subnet's name or {@code network}. Subnet names have no dots
 * (letters, digits, '_' and '-', and never "network"), so the first dot ends the scope.
 *
 * @param scope      the subnet's name, or {@value #NETWORK}
 * @param finalValue true for a final value ({@code .final.}), which has no time series
 * @param key        the output's key within the scope, e.g. {@code resources.compute} or {@code issuanceTao}
 */
public record FlatKey(String scope, boolean finalValue, String key) {

    /** The scope of the network-wide outputs. */
    public static final String NETWORK = "network";

    /** Takes a flat key apart; throws IllegalArgumentException when it has no scope. */
    public static FlatKey parse(String flatKey) {
        int dot = flatKey.indexOf('.');
        if (dot <= 0 || dot == flatKey.length() - 1) {
            throw new IllegalArgumentException("not a flat output key: " + flatKey);
        }
        String scope = flatKey.substring(0, dot);
        String rest = flatKey.substring(dot + 1);
        String marker = RunSummary.FINAL + ".";
        boolean fin = rest.startsWith(marker) && rest.length() > marker.length();
        return new FlatKey(scope, fin, fin ? rest.substring(marker.length()) : rest);
    }

    /** Takes a flat key apart, or empty when it has no scope (a derived metric's name, for one). */
    public static Optional<FlatKey> tryParse(String flatKey) {
        int dot = flatKey.indexOf('.');
        return dot <= 0 || dot == flatKey.length() - 1 ? Optional.empty() : Optional.of(parse(flatKey));
    }

    /**
     * The subnet output whose last-quarter mean (and time series) a flat key holds; empty for network outputs,
     * final values, unknown keys and strings that are no flat key.
     */
    public static Optional<SubnetMetric> subnetMean(String flatKey) {
        return tryParse(flatKey).filter(k -> !k.finalValue()).flatMap(FlatKey::subnetMetric);
    }

    /** True for a network-wide output. */
    public boolean network() {
        return scope.equals(NETWORK);
    }

    /** The subnet output this key names, empty for a network output or an unknown key. */
    public Optional<SubnetMetric> subnetMetric() {
        return network() ? Optional.empty() : SubnetMetric.byKey(key);
    }
}
