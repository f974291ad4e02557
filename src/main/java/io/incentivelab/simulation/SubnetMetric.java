package io.incentivelab.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of a subnet's outputs (model.md §9), in output order: each constant's {@link #key()} is its name
 * in the summary and the flat map ({@code "<subnet>.<key>"}, a dot marking a nested object such as
 * {@code resources.compute}), its ordinal its column in a sample row. Whether the experiment store keeps its
 * time series ({@link #stored()}) and whether its final value is in the flat map ({@link #finalInFlatMap()}) are
 * part of the entry, so callers look keys up here instead of matching them by their suffix.
 */
public enum SubnetMetric {
    EMISSION_TAO("emissionTao", true, true),
    MINER_EMISSION_TAO("minerEmissionTao"),
    VALIDATOR_EMISSION_TAO("validatorEmissionTao"),
    OWNER_EMISSION_TAO("ownerEmissionTao"),
    GINI_EMISSION("giniEmission", true, true),
    HHI_EMISSION("hhiEmission", true, true),
    EFFECTIVE_OPERATORS("effectiveOperators"),
    NAKAMOTO_EMISSION("nakamotoEmission", true, true),
    TOP1_SHARE("top1Share", true, true),
    TOP10_SHARE("top10Share", true, true),
    GINI_REWARDED_RESOURCE("giniRewardedResource"),
    VALIDATOR_DIVIDEND_GINI("validatorDividendGini"),
    CHEATER_EMISSION_SHARE("cheaterEmissionShare"),
    COPIER_EMISSION_SHARE("copierEmissionShare"),
    CARTEL_EMISSION_SHARE("cartelEmissionShare"),
    WEIGHT_COPIER_DIVIDEND_SHARE("weightCopierDividendShare"),
    CARTEL_DIVIDEND_SHARE("cartelDividendShare"),
    RESOURCES_COMPUTE("resources.compute", true, false),
    RESOURCES_STORAGE("resources.storage", true, false),
    RESOURCES_QUALITY("resources.quality", true, false),
    REWARD_AFFINITY_COMPUTE("rewardAffinity.compute"),
    REWARD_AFFINITY_STORAGE("rewardAffinity.storage"),
    REWARD_AFFINITY_QUALITY("rewardAffinity.quality"),
    OPERATORS("operators"),
    ACTIVE_UIDS("activeUids", true, false),
    SYBIL_EMISSION_SHARE("sybilEmissionShare"),
    BURN_PRICE_TAO("burnPriceTao"),
    REGISTRATIONS_PER_DAY("registrationsPerDay"),
    OPERATORS_ENTERED_PER_DAY("operatorsEnteredPerDay"),
    OPERATORS_LEFT_PER_DAY("operatorsLeftPerDay"),
    PRUNED_PER_DAY("prunedPerDay"),
    ROI_MEDIAN("roiMedian"),
    ROI_P10("roiP10"),
    ROI_P90("roiP90"),
    ROI_NEGATIVE_SHARE("roiNegativeShare"),
    LORENZ_EMISSION_P10("lorenzEmission.p10"),
    LORENZ_EMISSION_P20("lorenzEmission.p20"),
    LORENZ_EMISSION_P30("lorenzEmission.p30"),
    LORENZ_EMISSION_P40("lorenzEmission.p40"),
    LORENZ_EMISSION_P50("lorenzEmission.p50"),
    LORENZ_EMISSION_P60("lorenzEmission.p60"),
    LORENZ_EMISSION_P70("lorenzEmission.p70"),
    LORENZ_EMISSION_P80("lorenzEmission.p80"),
    LORENZ_EMISSION_P90("lorenzEmission.p90"),
    LORENZ_RESOURCE_P10("lorenzResource.p10"),
    LORENZ_RESOURCE_P20("lorenzResource.p20"),
    LORENZ_RESOURCE_P30("lorenzResource.p30"),
    LORENZ_RESOURCE_P40("lorenzResource.p40"),
    LORENZ_RESOURCE_P50("lorenzResource.p50"),
    LORENZ_RESOURCE_P60("lorenzResource.p60"),
    LORENZ_RESOURCE_P70("lorenzResource.p70"),
    LORENZ_RESOURCE_P80("lorenzResource.p80"),
    LORENZ_RESOURCE_P90("lorenzResource.p90"),
    EMISSION_SHARE("emissionShare", true, false),
    PRICE("price", true, false),
    MOVING_PRICE("movingPrice"),
    POOL_TAO("poolTao", true, false),
    POOL_ALPHA("poolAlpha", true, false),
    ALPHA_OUTSTANDING("alphaOutstanding"),
    CHAIN_BUY_TAO("chainBuyTao"),
    ALPHA_SOLD_BY_MINERS("alphaSoldByMiners", true, false),
    OWNER_BURNED_TAO("ownerBurnedTao"),
    ROOT_DIVIDEND_TAO("rootDividendTao"),
    VALIDATOR_TAKE_TAO("validatorTakeTao");

    /** Every key, in output order. */
    public static final List<String> KEYS;
    private static final Map<String, SubnetMetric> BY_KEY = new HashMap<>();

    static {
        List<String> keys = new ArrayList<>();
        for (SubnetMetric m : values()) {
            keys.add(m.key);
            BY_KEY.put(m.key, m);
        }
        KEYS = Collections.unmodifiableList(keys);
    }

    private final String key;
    private final boolean stored;
    private final boolean finalInFlatMap;

    SubnetMetric(String key) {
        this(key, false, false);
    }

    SubnetMetric(String key, boolean stored, boolean finalInFlatMap) {
        this.key = key;
        this.stored = stored;
        this.finalInFlatMap = finalInFlatMap;
    }

    /** The output's name (in the summary, the flat map and the time series). */
    public String key() {
        return key;
    }

    /** True when an experiment keeps this output's time series (down-sampled, per subnet). */
    public boolean stored() {
        return stored;
    }

    /** True when the flat map also holds the final value ({@code "<subnet>.final.<key>"}). */
    public boolean finalInFlatMap() {
        return finalInFlatMap;
    }

    /** The output with this exact key (no subnet prefix), if there is one. */
    public static Optional<SubnetMetric> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The keys whose final values are in the flat map, in output order. */
    static List<String> finalFlatKeys() {
        List<String> keys = new ArrayList<>();
        for (SubnetMetric m : values()) {
            if (m.finalInFlatMap) {
                keys.add(m.key);
            }
        }
        return Collections.unmodifiableList(keys);
    }
}
