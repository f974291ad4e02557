package io.incentivelab.metagraph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.metagraph.MetagraphSnapshot;
import io.incentivelab.simulation.model.InvalidScenarioException;
import io.incentivelab.simulation.model.Problem;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.ScenarioLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a snapshot into a one-subnet scenario (docs/formats.md, "From a snapshot to a scenario"):
 * the permitted UIDs become the validators with their stakes ({@code EXPLICIT}), the other UIDs the miners,
 * grouped into operators by coldkey; κ, the bond EMA, β, Yuma version, liquid alpha, permits, immunity and
 * tempo come from the hyperparameters. The scenario form has one UID count for every operator, so the
 * operators run {@code max(1, round(miner UIDs / coldkeys))} UIDs each; the description records the
 * real distribution. The result is checked by {@link ScenarioCodec}.
 */
public final class MetagraphScenario {

    private MetagraphScenario() {
    }

    /** What the import found, beside the scenario. */
    public record Imported(Scenario scenario, ObjectNode json, int validators, int minerUids, int operators,
                           int maxUidsPerOperator) {
    }

    /** The scenario of a snapshot; throws {@link InvalidMetagraphException} if it cannot be one. */
    public static Imported convert(MetagraphSnapshot s) {
        int n = s.n();
        List<Double> stakes = new ArrayList<>();
        Map<String, Integer> uidsByColdkey = new LinkedHashMap<>();
        double validatorStake = 0;
        for (int i = 0; i < n; i++) {
            if (s.validatorPermit()[i]) {
                stakes.add(s.stake()[i]);
                validatorStake += s.stake()[i];
            } else {
                uidsByColdkey.merge(s.coldkeys()[i], 1, Integer::sum);
            }
        }
        if (stakes.isEmpty()) {
            throw invalid("$.validator_permit", "no UID has a validator permit; a scenario needs at least 1 validator");
        }
        if (!(validatorStake > 0)) {
            throw invalid("$.stake", "the permitted validators hold no stake; a scenario needs a positive total");
        }
        int minerUids = n - stakes.size();
        int operators = Math.max(1, uidsByColdkey.size());
        int perOperator = Math.max(1, (int) Math.round(minerUids / (double) operators));
        while (perOperator > 1 && (long) operators * perOperator + stakes.size() > ScenarioLimits.MAX_UIDS) {
            perOperator--;
        }
        int maxPer = uidsByColdkey.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long multi = uidsByColdkey.values().stream().filter(c -> c > 1).count();
        MetagraphSnapshot.Hparams h = s.hparams();

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode sc = f.objectNode();
        sc.put("schemaVersion", ScenarioLimits.SCHEMA_VERSION);
        String name = s.netuid() >= 0 ? "subnet-" + s.netuid() : "imported-subnet";
        sc.put("name", name);
        sc.put("description", String.format(Locale.ROOT, "This is your subnet today: imported from a"
                        + " metagraph-snapshot/1 of netuid %d at block %d. %d UIDs: %d validators with %.6g alpha of"
                        + " stake, %d miner UIDs of %d coldkeys (%d run more than one UID, at most %d; here each operator"
                        + " runs %d). Now change the curve and see where it goes.",
                s.netuid(), s.block(), n, stakes.size(), validatorStake, minerUids, uidsByColdkey.size(), multi, maxPer,
                perOperator));
        InitialWeights initial = initialWeights(s, operators, perOperator);
        sc.put("description", sc.get("description").textValue() + String.format(Locale.ROOT, " The first epoch reads the"
                + " snapshot's measured weights (%d, each validator's row max-upscaled to 65535 over the operators'"
                + " UIDs%s).", initial.weight.size(), initial.skipped > 0 ? "; " + initial.skipped + " on validators or"
                + " from UIDs without a permit left out, as Yuma masks them" : ""));
        sc.putObject("network").put("tempo", (int) s.tempo());
        ObjectNode sub = sc.putArray("subnets").addObject();
        sub.put("name", name);
        ObjectNode yuma = sub.putObject("yuma");
        yuma.put("version", h.yuma3() ? "YUMA3" : "YUMA1");
        yuma.put("kappa", h.kappaU16() / 65535.0);
        yuma.put("bondsMovingAverage", h.bondsMovingAvg());
        yuma.put("bondsPenalty", h.bondsPenaltyU16() / 65535.0);
        yuma.put("liquidAlpha", h.liquidAlphaEnabled());
        yuma.put("alphaLow", h.alphaLow());
        yuma.put("alphaHigh", h.alphaHigh());
        sub.putObject("limits").put("maxUids", ScenarioLimits.MAX_UIDS)
                .put("validatorPermits", Math.max(Math.max(1, h.maxValidators()), stakes.size()))
                .put("immunityPeriodBlocks", (int) Math.min(h.immunityPeriod(), 10_000_000));
        sub.putObject("miners").put("operators", operators).put("uidsPerOperator", perOperator);
        ObjectNode v = sub.putObject("validators").put("count", stakes.size());
        ObjectNode stake = v.putObject("stake").put("distribution", "EXPLICIT");
        stakes.forEach(stake.putArray("explicitTao")::add);
        if (!initial.weight.isEmpty()) {
            ObjectNode iw = sub.putObject("initialWeights");
            initial.validator.forEach(iw.putArray("validator")::add);
            initial.uid.forEach(iw.putArray("uid")::add);
            initial.weight.forEach(iw.putArray("weight")::add);
        }
        Scenario scenario;
        try {
            scenario = ScenarioCodec.parse(sc);
        } catch (InvalidScenarioException e) {
            List<Problem> problems = new ArrayList<>();
            for (Problem p : e.problems()) {
                problems.add(new Problem("$", "the imported scenario is invalid at " + p.path() + ": " + p.message()));
            }
            throw new InvalidMetagraphException(problems);
        }
        return new Imported(scenario, ScenarioCodec.toJsonNode(scenario), stakes.size(), minerUids, operators, maxPer);
    }

    /** The scenario's initial weights (validator, UID, u16) and how many snapshot weights had no place in it. */
    private record InitialWeights(List<Integer> validator, List<Integer> uid, List<Integer> weight, int skipped) {
    }

    /**
     * The snapshot's weights on the scenario's UIDs: validator v is the v-th permitted UID; coldkey k (in the
     * order of its first miner UID) is operator k, whose i-th miner UID lands on its slot {@code i mod perOperator},
     * so an operator's slots sum the weights of the real UIDs they stand for. Each validator's row is then
     * max-upscaled to 65535 and rounded, as {@code set_weights} stores it.
     */
    private static InitialWeights initialWeights(MetagraphSnapshot s, int operators, int perOperator) {
        int n = s.n();
        int[] validatorOf = new int[n];
        int[] slotOf = new int[n];
        Map<String, Integer> operatorOf = new LinkedHashMap<>();
        Map<String, Integer> seenOf = new LinkedHashMap<>();
        int validators = 0;
        for (int i = 0; i < n; i++) {
            validatorOf[i] = -1;
            slotOf[i] = -1;
            if (s.validatorPermit()[i]) {
                validatorOf[i] = validators++;
            } else {
                int op = operatorOf.computeIfAbsent(s.coldkeys()[i], k -> operatorOf.size());
                int nth = seenOf.merge(s.coldkeys()[i], 1, Integer::sum) - 1;
                if (op < operators) {
                    slotOf[i] = op * perOperator + nth % perOperator;
                }
            }
        }
        double[][] rows = new double[validators][];
        int skipped = 0;
        for (MetagraphSnapshot.Weight w : s.weights()) {
            int v = validatorOf[w.from()];
            int slot = slotOf[w.to()];
            if (v < 0 || slot < 0) {
                skipped += w.value() > 0 ? 1 : 0;
                continue;
            }
            if (rows[v] == null) {
                rows[v] = new double[operators * perOperator];
            }
            rows[v][slot] += w.value();
        }
        List<Integer> from = new ArrayList<>();
        List<Integer> to = new ArrayList<>();
        List<Integer> weight = new ArrayList<>();
        for (int v = 0; v < validators; v++) {
            double max = 0;
            for (double x : rows[v] == null ? new double[0] : rows[v]) {
                max = Math.max(max, x);
            }
            if (!(max > 0)) {
                continue;
            }
            for (int slot = 0; slot < rows[v].length; slot++) {
                int u16 = (int) Math.round(rows[v][slot] / max * 65535);
                if (u16 > 0) {
                    from.add(v);
                    to.add(validators + slot);
                    weight.add(u16);
                }
            }
        }
        return new InitialWeights(from, to, weight, skipped);
    }

    private static InvalidMetagraphException invalid(String path, String message) {
        return new InvalidMetagraphException(List.of(new Problem(path, message)));
    }
}
