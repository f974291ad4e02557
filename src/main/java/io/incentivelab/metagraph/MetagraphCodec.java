package io.incentivelab.metagraph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incentivelab.simulation.metagraph.MetagraphSnapshot;
import io.incentivelab.simulation.model.Problem;
import io.incentivelab.simulation.model.ScenarioLimits;
import io.incentivelab.simulation.yuma.YumaParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks a {@code metagraph-snapshot/1} document (docs/formats.md). Every problem is collected with
 * the JSON path of the offending value and the limit it breaks; nothing is thrown but
 * {@link InvalidMetagraphException}. Unknown keys are ignored (the SDK's {@code hparams} carry many more
 * fields than an epoch needs).
 */
public final class MetagraphCodec {

    /** Largest document read, in characters: 256 UIDs with a full 256 × 256 weight matrix fit in a few MiB. */
    public static final int MAX_CHARS = 16 * 1024 * 1024;
    /** Most UIDs in a snapshot: the scenario's limit on UIDs per subnet (the chain's own). */
    public static final int MAX_UIDS = ScenarioLimits.MAX_UIDS;
    /** Largest stake of one UID, in alpha: a subnet's alpha supply is capped like TAO's. */
    public static final double MAX_STAKE = ScenarioLimits.TAO_CAP;
    /** Longest hotkey or coldkey (an ss58 address has 48). */
    public static final int MAX_KEY_LENGTH = 128;
    static final int MAX_PROBLEMS = 100;

    private static final String[] PER_UID = {"hotkeys", "coldkeys", "stake", "incentive", "dividends",
        "validator_permit"};

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(MAX_CHARS).maxNumberLength(64).build());
    }

    private MetagraphCodec() {
    }

    /** Every problem of a text, or an empty list if it is a valid snapshot. */
    public static List<Problem> problems(String json) {
        try {
            parse(json);
            return List.of();
        } catch (InvalidMetagraphException e) {
            return e.problems();
        }
    }

    /** Parses and checks a snapshot; throws {@link InvalidMetagraphException} listing every problem. */
    public static MetagraphSnapshot parse(String json) {
        if (json.length() > MAX_CHARS) {
            throw invalid("$", "the document has " + json.length() + " characters; at most " + MAX_CHARS
                    + " are read (MetagraphCodec.MAX_CHARS)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (e.getLocation() != null) {
                msg += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            }
            throw invalid("$", "not valid JSON: " + msg);
        }
        if (root == null || root.isMissingNode()) {
            throw invalid("$", "is empty; expected a JSON object with \"format\": \"" + MetagraphSnapshot.FORMAT + "\"");
        }
        if (!root.isObject()) {
            throw invalid("$", "expected a JSON object with \"format\": \"" + MetagraphSnapshot.FORMAT + "\"");
        }
        return new Reader().read(root);
    }

    private static InvalidMetagraphException invalid(String path, String message) {
        return new InvalidMetagraphException(List.of(new Problem(path, message)));
    }

    /** One pass over a document, collecting problems. */
    private static final class Reader {
        private final List<Problem> problems = new ArrayList<>();

        private void problem(String path, String message) {
            problems.add(new Problem(path, message));
        }

        MetagraphSnapshot read(JsonNode root) {
            JsonNode format = root.get("format");
            if (format == null || format.isNull()) {
                throw invalid("$.format", "is missing; expected \"" + MetagraphSnapshot.FORMAT + "\"");
            }
            if (!format.isTextual() || !format.asText().equals(MetagraphSnapshot.FORMAT)) {
                throw invalid("$.format", "unknown format " + abbreviate(format.toString()) + "; this version reads \""
                        + MetagraphSnapshot.FORMAT + "\"");
            }
            JsonNode uids = root.get("uids");
            if (uids == null || !uids.isArray()) {
                throw invalid("$.uids", uids == null ? "is missing; expected the array of UIDs 0..n-1"
                        : "expected an array of UIDs 0..n-1");
            }
            int n = uids.size();
            if (n == 0 || n > MAX_UIDS) {
                throw invalid("$.uids", "has " + n + " UIDs; a snapshot has 1 to " + MAX_UIDS
                        + " (the scenario limit of UIDs per subnet, ScenarioLimits.MAX_UIDS)");
            }
            for (int k = 0; k < n; k++) {
                JsonNode u = uids.get(k);
                if (!u.canConvertToExactIntegral() || u.asLong() != k) {
                    problem("$.uids[" + k + "]", "is " + abbreviate(u.toString()) + "; expected " + k
                            + " (UIDs 0..n-1 in order)");
                }
            }
            for (String key : PER_UID) {
                JsonNode a = root.get(key);
                if (a == null || a.isNull()) {
                    problem("$." + key, "is missing; expected an array of " + n + " entries, one per UID");
                } else if (!a.isArray()) {
                    problem("$." + key, "expected an array of " + n + " entries, one per UID");
                } else if (a.size() != n) {
                    problem("$." + key, "has " + a.size() + " entries; expected " + n + ", one per UID in $.uids");
                }
            }
            for (String key : new String[] {"emission", "last_update", "block_at_registration"}) {
                JsonNode a = root.get(key);
                if (a != null && !a.isNull() && (!a.isArray() || a.size() != n)) {
                    problem("$." + key, (a.isArray() ? "has " + a.size() + " entries; expected " : "expected an array of ")
                            + n + (a.isArray() ? ", one per UID in $.uids" : " entries, one per UID"));
                }
            }
            long block = integer(root, "block", "$.block", 0, Long.MAX_VALUE / 2, null);
            long tempo = integer(root, "tempo", "$.tempo", 1, 65535, 360L);
            int netuid = (int) integer(root, "netuid", "$.netuid", 0, 65535, -1L);
            String owner = null;
            JsonNode o = root.get("owner_hotkey");
            if (o != null && !o.isNull()) {
                owner = key(o, "$.owner_hotkey");
            }
            MetagraphSnapshot.Hparams hparams = hparams(root.get("hparams"), tempo);
            String[] hotkeys = new String[n];
            String[] coldkeys = new String[n];
            double[] stake = new double[n];
            double[] incentive = new double[n];
            double[] dividends = new double[n];
            double[] emission = new double[n];
            boolean[] permit = new boolean[n];
            long[] lastUpdate = new long[n];
            long[] registered = new long[n];
            Arrays.fill(lastUpdate, block);
            if (!problems.isEmpty()) {
                throw new InvalidMetagraphException(capped());
            }
            for (int i = 0; i < n; i++) {
                hotkeys[i] = key(root.get("hotkeys").get(i), "$.hotkeys[" + i + "]");
                coldkeys[i] = key(root.get("coldkeys").get(i), "$.coldkeys[" + i + "]");
                stake[i] = number(root.get("stake").get(i), "$.stake[" + i + "]", 0, MAX_STAKE,
                        "alpha (MetagraphCodec.MAX_STAKE)");
                incentive[i] = number(root.get("incentive").get(i), "$.incentive[" + i + "]", 0, 1, "(u16-normalised)");
                dividends[i] = number(root.get("dividends").get(i), "$.dividends[" + i + "]", 0, 1, "(u16-normalised)");
                JsonNode p = root.get("validator_permit").get(i);
                if (p.isBoolean()) {
                    permit[i] = p.asBoolean();
                } else {
                    problem("$.validator_permit[" + i + "]", "is " + abbreviate(p.toString()) + "; expected true or false");
                }
            }
            optionalColumn(root, "emission", n, (i, node, path) ->
                    emission[i] = number(node, path, 0, MAX_STAKE, "alpha per tempo"));
            optionalColumn(root, "last_update", n, (i, node, path) ->
                    lastUpdate[i] = integer(node, path, 0, Long.MAX_VALUE / 2));
            optionalColumn(root, "block_at_registration", n, (i, node, path) ->
                    registered[i] = integer(node, path, 0, Long.MAX_VALUE / 2));
            List<MetagraphSnapshot.Weight> weights = weights(root.get("weights"), n);
            if (!problems.isEmpty()) {
                throw new InvalidMetagraphException(capped());
            }
            return new MetagraphSnapshot(netuid, block, tempo, hparams, hotkeys, coldkeys, stake, incentive, dividends,
                    emission, permit, lastUpdate, registered, List.copyOf(weights), owner);
        }

        private MetagraphSnapshot.Hparams hparams(JsonNode h, long tempo) {
            YumaParams d = YumaParams.newSubnetDefaults();
            if (h != null && !h.isNull() && !h.isObject()) {
                problem("$.hparams", "expected an object (the SDK's dataclasses.asdict(mg.hparams))");
                h = null;
            }
            if (h == null || h.isNull()) {
                h = MAPPER.createObjectNode();
            }
            String p = "$.hparams.";
            int kappa = (int) integer(h, "kappa", p + "kappa", 0, 65535, (long) d.kappaU16());
            double bma = optNumber(h, "bonds_moving_avg", p + "bonds_moving_avg", 0, 1, 0.9);
            int beta = (int) integer(h, "bonds_penalty", p + "bonds_penalty", 0, 65535, (long) d.bondsPenaltyU16());
            boolean yuma3 = bool(h, "yuma3_enabled", p + "yuma3_enabled", true);
            boolean liquid = bool(h, "liquid_alpha_enabled", p + "liquid_alpha_enabled", false);
            double low = optNumber(h, "alpha_low", p + "alpha_low", 0, 1, 0.7);
            double high = optNumber(h, "alpha_high", p + "alpha_high", 0, 1, 0.9);
            if (low > high) {
                problem(p + "alpha_low", "is " + low + ", above alpha_high " + high + "; expected alpha_low <= alpha_high");
            }
            int steep = (int) integer(h, "alpha_sigmoid_steepness", p + "alpha_sigmoid_steepness", 0, 1_000_000,
                    (long) d.alphaSigmoidSteepness());
            int maxValidators = (int) integer(h, "max_validators", p + "max_validators", 0, MAX_UIDS, 64L);
            long cutoff = integer(h, "activity_cutoff", p + "activity_cutoff", 1, 1_000_000_000L,
                    YumaParams.activityCutoffBlocks(13_889, tempo));
            long immunity = integer(h, "immunity_period", p + "immunity_period", 0, 1_000_000_000L, 5000L);
            return new MetagraphSnapshot.Hparams(kappa, bma, beta, yuma3, liquid, low, high, steep, maxValidators,
                    cutoff, immunity);
        }

        private List<MetagraphSnapshot.Weight> weights(JsonNode w, int n) {
            List<MetagraphSnapshot.Weight> out = new ArrayList<>();
            if (w == null || w.isNull()) {
                problem("$.weights", "is missing; expected an array of [i, j, w] triplets (the non-zero entries of W)");
                return out;
            }
            if (!w.isArray()) {
                problem("$.weights", "expected an array of [i, j, w] triplets (the non-zero entries of W)");
                return out;
            }
            long max = (long) n * n;
            if (w.size() > max) {
                problem("$.weights", "has " + w.size() + " triplets; an n × n matrix with n = " + n + " has at most " + max);
                return out;
            }
            Map<Long, Integer> seen = new HashMap<>();
            for (int k = 0; k < w.size(); k++) {
                String path = "$.weights[" + k + "]";
                JsonNode t = w.get(k);
                if (!t.isArray() || t.size() != 3) {
                    problem(path, "is " + abbreviate(t.toString()) + "; expected a triplet [i, j, w]");
                    continue;
                }
                int before = problems.size();
                int i = (int) integer(t.get(0), path + "[0]", 0, n - 1);
                int j = (int) integer(t.get(1), path + "[1]", 0, n - 1);
                double v = number(t.get(2), path + "[2]", 0, 1, "(rows of W sum to 1)");
                if (problems.size() > before) {
                    continue;
                }
                Integer first = seen.putIfAbsent((long) i * n + j, k);
                if (first != null) {
                    problem(path, "duplicates $.weights[" + first + "]: W[" + i + "][" + j + "] is given twice");
                    continue;
                }
                out.add(new MetagraphSnapshot.Weight(i, j, v));
            }
            return out;
        }

        private interface Cell {
            void read(int i, JsonNode node, String path);
        }

        private void optionalColumn(JsonNode root, String key, int n, Cell cell) {
            JsonNode a = root.get(key);
            if (a == null || a.isNull()) {
                return;
            }
            if (!a.isArray()) {
                problem("$." + key, "expected an array of " + n + " entries, one per UID");
            } else if (a.size() != n) {
                problem("$." + key, "has " + a.size() + " entries; expected " + n + ", one per UID in $.uids");
            } else {
                for (int i = 0; i < n; i++) {
                    cell.read(i, a.get(i), "$." + key + "[" + i + "]");
                }
            }
        }

        private String key(JsonNode node, String path) {
            if (node == null || !node.isTextual() || node.asText().isEmpty()) {
                problem(path, "is " + (node == null ? "missing" : abbreviate(node.toString())) + "; expected a non-empty key (ss58 text)");
                return "";
            }
            if (node.asText().length() > MAX_KEY_LENGTH) {
                problem(path, "has " + node.asText().length() + " characters; at most " + MAX_KEY_LENGTH);
                return "";
            }
            return node.asText();
        }

        private double number(JsonNode node, String path, double min, double max, String unit) {
            if (node == null || !node.isNumber()) {
                problem(path, "is " + (node == null ? "missing" : abbreviate(node.toString())) + "; expected a number in ["
                        + min + ", " + max + "] " + unit);
                return 0;
            }
            double v = node.asDouble();
            if (!Double.isFinite(v)) {
                problem(path, "is " + v + "; expected a finite number in [" + min + ", " + max + "] " + unit);
                return 0;
            }
            if (v < min || v > max) {
                problem(path, "is " + v + (v < 0 && min == 0 ? " (negative)" : "") + "; expected a number in ["
                        + min + ", " + max + "] " + unit);
                return 0;
            }
            return v;
        }

        private double optNumber(JsonNode parent, String key, String path, double min, double max, double dflt) {
            JsonNode node = parent.get(key);
            return node == null || node.isNull() ? dflt : number(node, path, min, max, "");
        }

        private long integer(JsonNode node, String path, long min, long max) {
            if (node == null || !node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
                problem(path, "is " + (node == null ? "missing" : abbreviate(node.toString())) + "; expected a whole number in ["
                        + min + ", " + max + "]");
                return min;
            }
            long v = node.asLong();
            if (v < min || v > max) {
                problem(path, "is " + v + "; expected a whole number in [" + min + ", " + max + "]");
                return min;
            }
            return v;
        }

        /** A whole-number field of {@code parent}; {@code dflt == null} makes it required. */
        private long integer(JsonNode parent, String key, String path, long min, long max, Long dflt) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                if (dflt == null) {
                    problem(path, "is missing; expected a whole number in [" + min + ", " + max + "]");
                    return min;
                }
                return dflt;
            }
            return integer(node, path, min, max);
        }

        private boolean bool(JsonNode parent, String key, String path, boolean dflt) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return dflt;
            }
            if (!node.isBoolean()) {
                problem(path, "is " + abbreviate(node.toString()) + "; expected true or false");
                return dflt;
            }
            return node.asBoolean();
        }

        private List<Problem> capped() {
            if (problems.size() <= MAX_PROBLEMS) {
                return problems;
            }
            List<Problem> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
            first.add(new Problem("$", "… and " + (problems.size() - MAX_PROBLEMS) + " more problems"));
            return first;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
