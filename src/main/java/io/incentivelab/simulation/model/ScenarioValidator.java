package io.incentivelab.simulation.model;

import io.incentivelab.simulation.model.ScenarioModel.Property;
import io.incentivelab.simulation.scoring.ScoringParser;
import io.incentivelab.simulation.scoring.ScoringSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a scenario and reports every problem at once, each with its JSON path and the allowed range:
 * the per-field ranges declared by {@link Field}, then the rules that span fields (shares summing to 1,
 * UIDs fitting the subnet, unique names) and the machine limits of {@link ScenarioLimits}.
 */
public final class ScenarioValidator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private ScenarioValidator() {
    }

    /** Every problem of the scenario; empty if it can be run. */
    public static List<Problem> validate(Scenario scenario) {
        List<Problem> problems = new ArrayList<>();
        checkRecord(scenario, "$", problems);
        if (problems.stream().anyMatch(p -> p.message().equals("is required"))) {
            return problems;
        }
        checkRules(scenario, problems);
        return problems;
    }

    /** Throws {@link InvalidScenarioException} listing every problem, if there is any. */
    public static void requireValid(Scenario scenario) {
        List<Problem> problems = validate(scenario);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
    }

    private static void checkRecord(Record rec, String path, List<Problem> problems) {
        for (Property c : ScenarioModel.get().record(rec.getClass()).properties()) {
            Field f = c.field();
            String p = path + "." + c.name();
            Object value = c.get(rec);
            if (value == null) {
                problems.add(new Problem(p, "is required"));
            } else if (value instanceof Number n) {
                checkNumber(n.doubleValue(), f, p, problems);
            } else if (value instanceof Record r) {
                checkRecord(r, p, problems);
            } else if (value instanceof List<?> list) {
                if (f != null && list.size() < f.minItems()) {
                    problems.add(new Problem(p, "needs at least " + f.minItems() + " item" + (f.minItems() == 1 ? "" : "s")));
                }
                if (f != null && list.size() > f.maxItems()) {
                    problems.add(new Problem(p, "has " + list.size() + " items; at most " + f.maxItems() + " allowed"));
                }
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    String ip = p + "[" + i + "]";
                    if (item == null) {
                        problems.add(new Problem(ip, "is required"));
                    } else if (item instanceof Number n) {
                        checkNumber(n.doubleValue(), f, ip, problems);
                    } else if (item instanceof Record r) {
                        checkRecord(r, ip, problems);
                    }
                }
            }
        }
    }

    private static void checkNumber(double v, Field f, String path, List<Problem> problems) {
        if (!Double.isFinite(v)) {
            problems.add(new Problem(path, "must be a finite number"));
            return;
        }
        if (f == null) {
            return;
        }
        boolean low = f.minExclusive() ? v <= f.min() : v < f.min();
        if (low || v > f.max()) {
            problems.add(new Problem(path, "must be " + rangeText(f) + " (got " + num(v) + ")"));
        }
    }

    /** The allowed range of a field in words, e.g. "between 0 and 1" or "greater than 0 and at most 64". */
    public static String rangeText(Field f) {
        boolean hasMin = f.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = f.max() != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax && f.min() == f.max() && !f.minExclusive()) {
            return num(f.min());
        }
        if (hasMin && hasMax) {
            return f.minExclusive()
                    ? "greater than " + num(f.min()) + " and at most " + num(f.max())
                    : "between " + num(f.min()) + " and " + num(f.max());
        }
        if (hasMin) {
            return (f.minExclusive() ? "greater than " : "at least ") + num(f.min());
        }
        if (hasMax) {
            return "at most " + num(f.max());
        }
        return "a finite number";
    }

    /** A number as short text: integers without a decimal point. */
    public static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static void checkRules(Scenario s, List<Problem> problems) {
        NetworkSpec n = s.network();
        double shareSum = n.ownerShare() + n.minerShare() + n.validatorShare();
        if (Math.abs(shareSum - 1) > 1e-9) {
            problems.add(new Problem("$.network", "ownerShare + minerShare + validatorShare must sum to 1 (got "
                    + num(shareSum) + ")"));
        }
        if (n.minerShare() + n.validatorShare() <= 0) {
            problems.add(new Problem("$.network", "minerShare + validatorShare must be positive"));
        }
        long epochs;
        if (n.horizonEpochs() > 0) {
            epochs = n.horizonEpochs();
        } else {
            epochs = Math.round(n.horizonDays() * NetworkSpec.BLOCKS_PER_DAY / (double) n.tempo());
            if (epochs > ScenarioLimits.MAX_HORIZON_EPOCHS) {
                problems.add(new Problem("$.network.horizonDays", "gives " + epochs + " epochs at tempo " + n.tempo()
                        + "; at most " + ScenarioLimits.MAX_HORIZON_EPOCHS + " epochs allowed"));
            }
        }
        EconomicsSpec econ = s.economics();
        if (econ.enabled() && !(econ.strategies().total() > 0)) {
            problems.add(new Problem("$.economics.strategies", "at least one strategy share must be positive"));
        }
        if (econ.registration().minBurnTao() > econ.registration().maxBurnTao()) {
            problems.add(new Problem("$.economics.registration", "minBurnTao must be at most maxBurnTao"));
        }
        // a duplicate is flagged on every subnet with the name, so the message is by the field the user just edited
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < s.subnets().size(); i++) {
            byName.computeIfAbsent(s.subnets().get(i).name(), k -> new ArrayList<>()).add(i);
        }
        double fixedTotal = 0;
        long work = 0;
        long revealBytes = 0;
        long largestReveal = -1;
        int largestRevealAt = 0;
        for (int i = 0; i < s.subnets().size(); i++) {
            SubnetSpec sn = s.subnets().get(i);
            String p = "$.subnets[" + i + "]";
            if (!NAME.matcher(sn.name()).matches()) {
                problems.add(new Problem(p + ".name", "must be 1–40 letters, digits, '_' or '-' (got \"" + sn.name() + "\")"));
            } else if (sn.name().equals("network")) {
                problems.add(new Problem(p + ".name", "\"network\" is reserved for the network-wide outputs"));
            } else if (byName.get(sn.name()).size() > 1) {
                int self = i;
                String others = byName.get(sn.name()).stream().filter(j -> j != self).map(j -> "subnets[" + j + "]")
                        .collect(Collectors.joining(", "));
                problems.add(new Problem(p + ".name", "duplicate subnet name \"" + sn.name() + "\" (also " + others
                        + "); names must be unique"));
            }
            fixedTotal += sn.emissionShare();
            if (n.marketRule() && sn.emissionShare() != 1) {
                problems.add(new Problem(p + ".emissionShare", "is only read by emissionSplit FIXED; under "
                        + n.emissionSplit() + " prices (or flows) decide the split — remove it (got "
                        + num(sn.emissionShare()) + ")"));
            }
            if (sn.metric() == Metric.MIXED && !(sn.metricWeights().total() > 0)) {
                problems.add(new Problem(p + ".metricWeights", "metric MIXED needs at least one positive weight"
                        + " among speed, storage and accuracy"));
            }
            MinersSpec m = sn.miners();
            ValidatorsSpec v = sn.validators();
            long uids = (long) m.operators() * m.uidsPerOperator() + v.count();
            if (uids > sn.limits().maxUids()) {
                problems.add(new Problem(p + ".miners.operators", "operators × uidsPerOperator (" + m.operators() + " × "
                        + m.uidsPerOperator() + ") + validators.count (" + v.count() + ") = " + uids
                        + " exceeds limits.maxUids (" + sn.limits().maxUids() + ")"));
            }
            InitialWeightsSpec iw = sn.initialWeights();
            if (iw.validator().size() != iw.weight().size() || iw.uid().size() != iw.weight().size()) {
                problems.add(new Problem(p + ".initialWeights", "validator, uid and weight need one entry each per"
                        + " weight (got " + iw.validator().size() + ", " + iw.uid().size() + " and " + iw.weight().size()
                        + ")"));
            } else {
                Set<Long> seen = new HashSet<>();
                for (int k = 0; k < iw.size(); k++) {
                    int from = iw.validator().get(k);
                    int to = iw.uid().get(k);
                    String at = p + ".initialWeights";
                    if (from >= v.count()) {
                        problems.add(new Problem(at + ".validator[" + k + "]", "must be a validator, 0 .. "
                                + (v.count() - 1) + " (got " + from + ")"));
                        break;
                    }
                    if (to < v.count() || to >= uids) {
                        problems.add(new Problem(at + ".uid[" + k + "]", "must be a miner UID, " + v.count() + " .. "
                                + (uids - 1) + " (got " + to + ")"));
                        break;
                    }
                    if (!seen.add((long) from << 32 | to)) {
                        problems.add(new Problem(at + ".uid[" + k + "]", "validator " + from + " already has a weight"
                                + " on UID " + to + "; one weight per validator and UID"));
                        break;
                    }
                }
            }
            if (m.cheaterFraction() + m.copierFraction() > 1 + 1e-12) {
                problems.add(new Problem(p + ".miners", "cheaterFraction + copierFraction must be at most 1 (got "
                        + num(m.cheaterFraction() + m.copierFraction()) + ")"));
            }
            if (v.weightCopierFraction() + v.cartelFraction() > 1 + 1e-12) {
                problems.add(new Problem(p + ".validators", "weightCopierFraction + cartelFraction must be at most 1 (got "
                        + num(v.weightCopierFraction() + v.cartelFraction()) + ")"));
            }
            if (v.cartelFraction() > 0 && v.cartelOperators() > m.operators()) {
                problems.add(new Problem(p + ".validators.cartelOperators", "must be at most miners.operators ("
                        + m.operators() + ") (got " + v.cartelOperators() + ")"));
            }
            StakeSpec st = v.stake();
            if (st.distribution() == StakeDistribution.EXPLICIT) {
                if (st.explicitTao().size() != v.count()) {
                    problems.add(new Problem(p + ".validators.stake.explicitTao", "needs one stake per validator ("
                            + v.count() + "), got " + st.explicitTao().size()));
                } else if (!(st.explicitTao().stream().mapToDouble(Double::doubleValue).sum() > 0)) {
                    problems.add(new Problem(p + ".validators.stake.explicitTao", "needs a positive total stake"));
                }
                if (!st.explicitRootTao().isEmpty() && st.explicitRootTao().size() != v.count()) {
                    problems.add(new Problem(p + ".validators.stake.explicitRootTao", "needs one root stake per validator ("
                            + v.count() + ") or none, got " + st.explicitRootTao().size()));
                }
                if (st.rootTao() > 0) {
                    problems.add(new Problem(p + ".validators.stake.rootTao", "is only read by distribution PARETO; with"
                            + " EXPLICIT give explicitRootTao (got " + num(st.rootTao()) + ")"));
                }
            } else if (!st.explicitRootTao().isEmpty()) {
                problems.add(new Problem(p + ".validators.stake.explicitRootTao", "is only read by distribution EXPLICIT;"
                        + " with PARETO give rootTao (got " + st.explicitRootTao().size() + " values)"));
            }
            if (!sn.scoring().isBlank()) {
                try {
                    ScoringParser.parse(sn.scoring());
                } catch (ScoringSyntaxException e) {
                    problems.add(new Problem(p + ".scoring", e.getMessage()));
                }
            }
            if (!m.gpuClassShares().isEmpty()
                    && !(m.gpuClassShares().stream().mapToDouble(Double::doubleValue).sum() > 0)) {
                problems.add(new Problem(p + ".miners.gpuClassShares", "needs a positive total share"));
            }
            YumaSpec y = sn.yuma();
            if (y.alphaLow() > y.alphaHigh()) {
                problems.add(new Problem(p + ".yuma.alphaLow", "must be at most alphaHigh (" + num(y.alphaHigh())
                        + ") (got " + num(y.alphaLow()) + ")"));
            }
            long horizonBlocks = Math.min(epochs, ScenarioLimits.MAX_HORIZON_EPOCHS) * n.tempo();
            int subnetTempo = sn.tempo(n);
            long subnetEpochs = horizonBlocks / subnetTempo;
            if (sn.tempo() > 0 && subnetEpochs == 0) {
                problems.add(new Problem(p + ".tempo", "gives no epoch of this subnet within the horizon ("
                        + horizonBlocks + " blocks); at most " + horizonBlocks + " (got " + sn.tempo() + ")"));
            }
            work += Math.min(uids, ScenarioLimits.MAX_UIDS) * subnetEpochs;
            if (sn.commitReveal()) {
                long bytes = (long) sn.revealPeriodEpochs() * v.count() * Math.min(uids, ScenarioLimits.MAX_UIDS) * 4;
                revealBytes += bytes;
                if (bytes > largestReveal) {
                    largestReveal = bytes;
                    largestRevealAt = i;
                }
            }
        }
        if (revealBytes > ScenarioLimits.MAX_COMMIT_BYTES) {
            problems.add(new Problem("$.subnets[" + largestRevealAt + "].revealPeriodEpochs", "commit-reveal holds"
                    + " revealPeriodEpochs weight matrices (validators × UIDs) per subnet: " + mb(revealBytes)
                    + " MB over all subnets; at most " + mb(ScenarioLimits.MAX_COMMIT_BYTES) + " MB allowed — lower"
                    + " revealPeriodEpochs (this subnet holds the most, " + mb(largestReveal) + " MB)"));
        }
        if (n.emissionSplit() == EmissionSplit.FIXED && !(fixedTotal > 0)) {
            problems.add(new Problem("$.subnets", "under emissionSplit FIXED at least one subnet needs a positive"
                    + " emissionShare"));
        }
        long totalWork = work;
        if (totalWork > ScenarioLimits.MAX_WORK) {
            problems.add(new Problem("$", "the run is too large: " + totalWork + " UID-epochs (each subnet's UIDs ×"
                    + " its epochs, summed); at most " + ScenarioLimits.MAX_WORK + " allowed — shorten the horizon or"
                    + " use fewer or smaller subnets"));
        }
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
