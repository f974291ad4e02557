package io.incentivelab.notebook;

import java.util.Map;

/**
 * Names for people of the flat metric keys of run outputs ({@code <subnet>.<key>}, {@code <subnet>.final.<key>},
 * {@code network.<key>}): "alpha.giniEmission" → "alpha · Gini of miner emission", a final value with
 * "(final)". Emission figures are TAO per day. A key it does not know is its own label.
 */
public final class MetricLabels {

    private static final Map<String, String> SUBNET = Map.ofEntries(
            Map.entry("emissionTao", "emission (TAO/day)"),
            Map.entry("minerEmissionTao", "miner emission (TAO/day)"),
            Map.entry("validatorEmissionTao", "validator emission (TAO/day)"),
            Map.entry("ownerEmissionTao", "owner emission (TAO/day)"),
            Map.entry("giniEmission", "Gini of miner emission"),
            Map.entry("hhiEmission", "HHI of miner emission"),
            Map.entry("effectiveOperators", "effective operators (1/HHI)"),
            Map.entry("nakamotoEmission", "Nakamoto coefficient of miner emission"),
            Map.entry("top1Share", "top-1 share of miner emission"),
            Map.entry("top10Share", "top-10 share of miner emission"),
            Map.entry("giniRewardedResource", "Gini of the rewarded resource"),
            Map.entry("validatorDividendGini", "Gini of validator dividends"),
            Map.entry("cheaterEmissionShare", "cheaters' share of miner emission"),
            Map.entry("copierEmissionShare", "weight copiers' share of emission"),
            Map.entry("cartelEmissionShare", "cartel's share of miner emission"),
            Map.entry("weightCopierDividendShare", "weight copiers' share of dividends"),
            Map.entry("cartelDividendShare", "cartel's share of dividends"),
            Map.entry("resources.compute", "compute held"),
            Map.entry("resources.storage", "storage held"),
            Map.entry("resources.quality", "quality held"),
            Map.entry("rewardAffinity.compute", "reward affinity of compute"),
            Map.entry("rewardAffinity.storage", "reward affinity of storage"),
            Map.entry("rewardAffinity.quality", "reward affinity of quality"),
            Map.entry("operators", "operators"),
            Map.entry("activeUids", "active UIDs"),
            Map.entry("sybilEmissionShare", "sybils' share of miner emission"),
            Map.entry("burnPriceTao", "registration burn (TAO)"),
            Map.entry("registrationsPerDay", "registrations per day"),
            Map.entry("operatorsEnteredPerDay", "operators entering per day"),
            Map.entry("operatorsLeftPerDay", "operators leaving per day"),
            Map.entry("prunedPerDay", "UIDs pruned per day"),
            Map.entry("roiMedian", "median operator ROI"),
            Map.entry("roiP10", "operator ROI, 10th percentile"),
            Map.entry("roiP90", "operator ROI, 90th percentile"),
            Map.entry("roiNegativeShare", "share of operators losing money"),
            Map.entry("emissionShare", "share of network emission"),
            Map.entry("price", "alpha price (TAO)"),
            Map.entry("movingPrice", "moving alpha price (TAO)"),
            Map.entry("poolTao", "pool TAO"),
            Map.entry("poolAlpha", "pool alpha"),
            Map.entry("alphaOutstanding", "alpha outstanding"),
            Map.entry("chainBuyTao", "chain buys (TAO/day)"),
            Map.entry("alphaSoldByMiners", "alpha sold by miners"),
            Map.entry("ownerBurnedTao", "owner burn (TAO)"),
            Map.entry("rootDividendTao", "root dividends (TAO/day)"),
            Map.entry("validatorTakeTao", "validator take (TAO/day)"));

    private static final Map<String, String> NETWORK = Map.ofEntries(
            Map.entry("issuanceTao", "network issuance (TAO/day)"),
            Map.entry("blockEmissionTao", "block emission (TAO)"),
            Map.entry("crossSubnetHhi", "HHI of emission across subnets"),
            Map.entry("operatorsActive", "active operators"),
            Map.entry("operatorsEnteredPerDay", "operators entering per day"),
            Map.entry("operatorsExitedPerDay", "operators leaving per day"),
            Map.entry("registrationsPerDay", "registrations per day"),
            Map.entry("prunedPerDay", "UIDs pruned per day"),
            Map.entry("sybilEmissionShare", "sybils' share of miner emission"),
            Map.entry("cheaterEmissionShare", "cheaters' share of miner emission"),
            Map.entry("giniOperatorEmission", "Gini of operator emission"),
            Map.entry("taoPriceUsd", "TAO price (USD)"),
            Map.entry("meanBurnPriceTao", "mean registration burn (TAO)"),
            Map.entry("recycledTao", "recycled TAO"),
            Map.entry("roiMedian", "median operator ROI"),
            Map.entry("roiP10", "operator ROI, 10th percentile"),
            Map.entry("roiP90", "operator ROI, 90th percentile"),
            Map.entry("roiNegativeShare", "share of operators losing money"));

    private MetricLabels() {
    }

    /** The label and the key, for pickers: "alpha · Gini of miner emission — alpha.giniEmission" (the key alone if it has no label). */
    public static String withKey(String key) {
        String label = of(key);
        return label.equals(key) ? key : label + " — " + key;
    }

    /** The label of a flat metric key. */
    public static String of(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        boolean network = key.startsWith("network.");
        String owner = network ? "network" : key.contains(".") ? key.substring(0, key.indexOf('.')) : "";
        String rest = owner.isEmpty() ? key : key.substring(owner.length() + 1);
        boolean fin = rest.startsWith("final.");
        if (fin) {
            rest = rest.substring("final.".length());
        }
        String label;
        if (network && rest.startsWith("resourceShareBySubnet.")) {
            String r = rest.substring("resourceShareBySubnet.".length());
            int dot = r.indexOf('.');
            if (dot <= 0) {
                return key;
            }
            return r.substring(dot + 1) + " · share of the network's " + r.substring(0, dot);
        } else if (!network && rest.matches("lorenz(Emission|Resource)\\.p\\d0")) {
            label = "poorest " + rest.substring(rest.length() - 2) + "% of operators' share of "
                    + (rest.startsWith("lorenzEmission") ? "miner emission" : "the rewarded resource");
        } else {
            label = (network ? NETWORK : SUBNET).get(rest);
        }
        if (label == null) {
            return key;
        }
        return (network ? label : owner + " · " + label) + (fin ? " (final)" : "");
    }
}
