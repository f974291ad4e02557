package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.incentivelab.notebook.ExperimentOutput.MetricSummary;
import io.incentivelab.notebook.ExperimentOutput.PointResult;
import io.incentivelab.simulation.FlatKey;
import io.incentivelab.simulation.SubnetMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Signs in an experiment's results that an incentive failed, said in words beside the results so that a
 * concentration table is not read as a success: the miners of a subnet getting far less than the share the
 * network gives them (e.g. top-k with k = 1 under noisy validators, where consensus clips the weights),
 * validators taking most of a subnet's emission, and cheaters, copiers or sybils taking more than a fifth of
 * the miners' emission. Read from the stored means; one warning per subnet and kind, naming the worst point.
 */
public final class ResultWarnings {

    /** Miners get "far less" below this fraction of their nominal share (a quarter of their pot gone). */
    static final double MINER_SHORTFALL = 0.75;
    /** Validators take "most" of a subnet above this share of its emission. */
    static final double VALIDATOR_MAJORITY = 0.5;
    /** Cheaters, copiers or sybils: a warning above this share of the miners' emission. */
    static final double BAD_ACTOR_SHARE = 0.2;
    /** The network's miner share when the scenario does not say (the chain's 41 %). */
    public static final double DEFAULT_MINER_SHARE = 0.41;

    /**
     * One warning.
     *
     * @param kind   MINERS_SHORT, VALIDATORS_MAJORITY, CHEATERS, COPIERS or SYBILS
     * @param subnet the subnet's name
     * @param text   the sentence shown
     */
    public record Warning(String kind, String subnet, String text) {
    }

    private ResultWarnings() {
    }

    /**
     * The warnings for an experiment's results.
     *
     * @param minerShareOf the network's miner share of the scenario with a given label (its
     *                     {@code network.minerShare})
     */
    public static List<Warning> of(ExperimentOutput output, ToDoubleFunction<String> minerShareOf) {
        if (output == null) {
            return List.of();
        }
        List<String> subnets = output.metrics().stream()
                .filter(m -> FlatKey.subnetMean(m).orElse(null) == SubnetMetric.MINER_EMISSION_TAO)
                .map(m -> FlatKey.parse(m).scope()).distinct().toList();
        boolean several = output.points().size() > 1;
        boolean scenarios = output.points().stream().map(PointResult::scenario).distinct().count() > 1;
        List<Warning> out = new ArrayList<>();
        for (String s : subnets) {
            Worst miners = new Worst(true);
            Worst validators = new Worst(false);
            Map<String, Worst> actors = new LinkedHashMap<>();
            actors.put("CHEATERS", new Worst(false));
            actors.put("COPIERS", new Worst(false));
            actors.put("SYBILS", new Worst(false));
            for (PointResult p : output.points()) {
                double emission = mean(p, s + ".emissionTao");
                if (emission > 0) {
                    double nominal = nominal(p, minerShareOf);
                    double m = mean(p, s + ".minerEmissionTao") / emission;
                    if (nominal > 0 && m < MINER_SHORTFALL * nominal) {
                        miners.see(p, m, nominal);
                    }
                    double v = mean(p, s + ".validatorEmissionTao") / emission;
                    if (v > VALIDATOR_MAJORITY) {
                        validators.see(p, v, 0);
                    }
                }
                see(actors.get("CHEATERS"), p, mean(p, s + ".cheaterEmissionShare"));
                see(actors.get("COPIERS"), p, mean(p, s + ".copierEmissionShare"));
                see(actors.get("SYBILS"), p, mean(p, s + ".sybilEmissionShare"));
            }
            int total = output.points().size();
            if (miners.count > 0) {
                out.add(new Warning("MINERS_SHORT", s, "Miners of subnet " + s + " get " + pct(miners.value)
                        + " of its emission, far less than the " + pct(miners.nominal) + " the network gives them"
                        + where(miners, total, several, scenarios) + ". The incentive fails to pay for the work: e.g. validators"
                        + " disagree on a narrow top-k choice and consensus clips their weights."));
            }
            if (validators.count > 0) {
                out.add(new Warning("VALIDATORS_MAJORITY", s, "Validators take " + pct(validators.value) + " of subnet " + s
                        + "'s emission" + where(validators, total, several, scenarios) + ": most of it pays for judging the work,"
                        + " not for doing it."));
            }
            actors.forEach((kind, w) -> {
                if (w.count > 0) {
                    String who = switch (kind) {
                        case "CHEATERS" -> "Cheaters";
                        case "COPIERS" -> "Copiers";
                        default -> "Sybils";
                    };
                    out.add(new Warning(kind, s, who + " take " + pct(w.value) + " of the miners' emission in subnet " + s
                            + where(w, total, several, scenarios) + " (more than " + pct(BAD_ACTOR_SHARE) + ")."));
                }
            });
        }
        return out;
    }

    /** The network's miner share of each scenario cell, by the label its points carry (41 % where unknown). */
    public static ToDoubleFunction<String> minerShares(List<ScenarioCell> cells) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (ScenarioCell c : cells) {
            JsonNode v = ScenarioFields.effective(c.scenario(), "$.network.minerShare");
            shares.putIfAbsent(c.displayName(), v != null && v.isNumber() ? v.doubleValue() : DEFAULT_MINER_SHARE);
        }
        return label -> shares.getOrDefault(label, DEFAULT_MINER_SHARE);
    }

    private static double nominal(PointResult p, ToDoubleFunction<String> minerShareOf) {
        String swept = p.parameters().get("$.network.minerShare");
        if (swept != null) {
            try {
                return Double.parseDouble(swept);
            } catch (NumberFormatException e) {
                // not a number: the scenario's own share
            }
        }
        return minerShareOf.applyAsDouble(p.scenario());
    }

    private static void see(Worst w, PointResult p, double share) {
        if (share > BAD_ACTOR_SHARE) {
            w.see(p, share, 0);
        }
    }

    private static double mean(PointResult p, String metric) {
        MetricSummary m = p.metrics().get(metric);
        return m == null ? Double.NaN : m.mean();
    }

    /** " (at k = 1)", " (2 of 3 points; worst at k = 1)"; nothing for an experiment of one point. */
    private static String where(Worst w, int total, boolean several, boolean scenarios) {
        if (!several) {
            return "";
        }
        String at = w.point.parameters().isEmpty() ? w.point.scenario()
                : (scenarios ? w.point.scenario() + ", " : "") + w.point.parameters().entrySet().stream().map(e -> e.getKey().replaceFirst("^\\$\\.", "") + " = " + e.getValue())
                        .collect(Collectors.joining(", "));
        return w.count == 1 ? " (at " + at + ")" : " (" + w.count + " of " + total + " points; worst at " + at + ")";
    }

    static String pct(double share) {
        double p = share * 100;
        return (p < 10 && Math.abs(p - Math.rint(p)) > 0.05 ? String.format(Locale.ROOT, "%.1f", p)
                : String.format(Locale.ROOT, "%.0f", p)) + " %";
    }

    /** The most extreme point of one kind of warning, and how many points have it. */
    private static final class Worst {
        private final boolean lowest;
        private int count;
        private double value;
        private double nominal;
        private PointResult point;

        Worst(boolean lowest) {
            this.lowest = lowest;
        }

        void see(PointResult p, double v, double nominal) {
            count++;
            if (point == null || (lowest ? v < value : v > value)) {
                point = p;
                value = v;
                this.nominal = nominal;
            }
        }
    }
}
