package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which scenario fields the engine reads, given the scenario's other values (issue 20): the scenario form hides
 * the rest, so that an analyst sees the chosen curve's parameter only, no economics fields while economics is off,
 * no market fields under FIXED or EQUAL, and so on. A hidden field keeps its value; the form shows it again when
 * its switch is turned on, or when the codec finds a problem in it.
 */
public final class FieldVisibility {

    private static final Pattern SUBNET = Pattern.compile("^(\\$\\.subnets\\[\\d+])\\.(.+)$");
    private static final Set<String> MARKET_RULES = Set.of("PRICE_EMA", "FLOW");

    private FieldVisibility() {
    }

    /** Whether the field or group at {@code path} is read by the engine for this scenario. */
    public static boolean relevant(ObjectNode scenario, String path) {
        Matcher m = SUBNET.matcher(path);
        if (m.matches()) {
            return subnetField(scenario, m.group(1), m.group(2));
        }
        if (path.startsWith("$.economics.") && !path.equals("$.economics.enabled")) {
            return on(scenario, "$.economics.enabled");
        }
        if (path.startsWith("$.network.market")) {
            return marketField(scenario, path.substring("$.network.market".length()));
        }
        return true;
    }

    private static boolean marketField(ObjectNode scenario, String rest) {
        String rule = text(scenario, "$.network.emissionSplit");
        if (!MARKET_RULES.contains(rule)) {
            return false;
        }
        String field = rest.startsWith(".") ? rest.substring(1) : rest;
        String gate = text(scenario, "$.network.market.gate");
        return switch (field) {
            case "priceEmaAlpha", "priceEmaHalvingBlocks", "burnFactor" -> rule.equals("PRICE_EMA");
            case "flowEmaRate", "flowCutoff", "flowExponent" -> rule.equals("FLOW");
            case "barRank" -> gate.equals("RANK");
            case "barQuantile" -> gate.equals("QUANTILE");
            case "gateExponent" -> !gate.equals("OFF");
            default -> true;
        };
    }

    private static boolean subnetField(ObjectNode scenario, String subnet, String rel) {
        if (rel.equals("initialWeights") || rel.startsWith("initialWeights.")) {
            return false; // thousands of u16 triplets (a metagraph import's): JSON only, not a form field
        }
        if (rel.equals("market") || rel.startsWith("market.")) {
            return MARKET_RULES.contains(text(scenario, "$.network.emissionSplit"));
        }
        if (rel.equals("emissionShare")) {
            return text(scenario, "$.network.emissionSplit").equals("FIXED");
        }
        if (rel.equals("metricWeights") || rel.startsWith("metricWeights.")) {
            return text(scenario, subnet + ".metric").equals("MIXED");
        }
        if (rel.equals("revealPeriodEpochs")) {
            return on(scenario, subnet + ".commitReveal");
        }
        if (rel.startsWith("rewardCurve.") && !rel.equals("rewardCurve.type")) {
            String type = text(scenario, subnet + ".rewardCurve.type");
            return switch (rel.substring("rewardCurve.".length())) {
                case "alpha" -> type.equals("POWER");
                case "tau" -> type.equals("SOFTMAX");
                case "k" -> type.equals("TOP_K");
                case "decay" -> type.equals("RANK_DECAY");
                case "theta" -> type.equals("THRESHOLD");
                default -> true;
            };
        }
        if (rel.equals("yuma.alphaLow") || rel.equals("yuma.alphaHigh") || rel.equals("yuma.liquidAlphaMode")) {
            return on(scenario, subnet + ".yuma.liquidAlpha");
        }
        if (rel.startsWith("validators.stake.") && !rel.equals("validators.stake.distribution")) {
            boolean explicit = text(scenario, subnet + ".validators.stake.distribution").equals("EXPLICIT");
            return rel.startsWith("validators.stake.explicit") == explicit;
        }
        if (rel.equals("validators.cartelBoost") || rel.equals("validators.cartelOperators")) {
            return number(scenario, subnet + ".validators.cartelFraction") > 0;
        }
        if (rel.equals("miners.cheaterOverclaim")) {
            return number(scenario, subnet + ".miners.cheaterFraction") > 0;
        }
        return true;
    }

    private static boolean on(ObjectNode scenario, String path) {
        JsonNode v = ScenarioFields.effective(scenario, path);
        return v != null && v.asBoolean(false);
    }

    private static String text(ObjectNode scenario, String path) {
        JsonNode v = ScenarioFields.effective(scenario, path);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** The field's number; a value that is not a number (typed text) counts as relevant input, so +∞. */
    private static double number(ObjectNode scenario, String path) {
        JsonNode v = ScenarioFields.effective(scenario, path);
        if (v == null || v.isNull()) {
            return 0;
        }
        return v.isNumber() ? v.asDouble() : Double.POSITIVE_INFINITY;
    }
}
