package io.incentivelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Yuma conformance case (format: yuma.md §11). Every problem becomes a {@link UsageException}
 * whose message names the JSON path of the offending field. With {@code hyperparameters.commit_reveal_enabled}
 * true, every epoch's inputs also need {@code earliest_commit_block}: per uid the block of its earliest
 * unexpired weight commit, or {@code null} for none (yuma.md §5.5 step 4).
 */
final class YumaCaseReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private YumaCaseReader() {
    }

    static YumaCase read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UsageException("not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("$: expected a JSON object");
        }
        String name = text(root, "name", "$.name");
        int n = (int) integer(field(root, "n", "$"), "$.n", 1, 65535);
        long rao = integer(field(root, "rao_emission", "$"), "$.rao_emission", 0, Long.MAX_VALUE);
        YumaParams params = params(field(root, "hyperparameters", "$"), n);
        long lastStep = integer(field(field(root, "hyperparameters", "$"), "last_mechanism_step_block",
                "$.hyperparameters"), "$.hyperparameters.last_mechanism_step_block", 0, Long.MAX_VALUE);
        JsonNode epochs = field(root, "epochs", "$");
        if (!epochs.isArray() || epochs.isEmpty()) {
            throw new UsageException("$.epochs: expected a non-empty array");
        }
        List<YumaInputs> inputs = new ArrayList<>();
        for (int e = 0; e < epochs.size(); e++) {
            String path = "$.epochs[" + e + "].inputs";
            inputs.add(inputs(field(epochs.get(e), "inputs", "$.epochs[" + e + "]"), path, n, rao, lastStep,
                    params.commitReveal()));
        }
        return new YumaCase(name, n, params, inputs);
    }

    private static YumaParams params(JsonNode h, int n) {
        String p = "$.hyperparameters";
        if (!h.isObject()) {
            throw new UsageException(p + ": expected an object");
        }
        boolean commitReveal = h.has("commit_reveal_enabled")
                && bool(h.get("commit_reveal_enabled"), p + ".commit_reveal_enabled");
        int owner = -1;
        JsonNode o = h.get("owner_uid");
        if (o != null && !o.isNull()) {
            owner = (int) integer(o, p + ".owner_uid", 0, n - 1);
        }
        return new YumaParams(
                (int) integer(field(h, "kappa_u16", p), p + ".kappa_u16", 0, 65535),
                integer(field(h, "bonds_moving_average", p), p + ".bonds_moving_average", 0, 1_000_000),
                (int) integer(field(h, "bonds_penalty_u16", p), p + ".bonds_penalty_u16", 0, 65535),
                bool(field(h, "yuma3_enabled", p), p + ".yuma3_enabled"),
                bool(field(h, "liquid_alpha_enabled", p), p + ".liquid_alpha_enabled"),
                (int) integer(field(h, "alpha_low_u16", p), p + ".alpha_low_u16", 0, 65535),
                (int) integer(field(h, "alpha_high_u16", p), p + ".alpha_high_u16", 0, 65535),
                (int) integer(field(h, "alpha_sigmoid_steepness", p), p + ".alpha_sigmoid_steepness", 0, Integer.MAX_VALUE),
                (int) integer(field(h, "max_allowed_validators", p), p + ".max_allowed_validators", 0, 65535),
                integer(field(h, "activity_cutoff_blocks", p), p + ".activity_cutoff_blocks", 0, Long.MAX_VALUE),
                integer(field(h, "stake_threshold", p), p + ".stake_threshold", 0, Long.MAX_VALUE),
                owner,
                integer(field(h, "tempo", p), p + ".tempo", 0, 65535),
                commitReveal);
    }

    private static YumaInputs inputs(JsonNode in, String p, int n, long rao, long lastStep, boolean commitReveal) {
        if (!in.isObject()) {
            throw new UsageException(p + ": expected an object");
        }
        long block = integer(field(in, "current_block", p), p + ".current_block", 0, Long.MAX_VALUE);
        long[] stake = longs(field(in, "stake", p), p + ".stake", n);
        long[] lastUpdate = longs(field(in, "last_update", p), p + ".last_update", n);
        long[] reg = longs(field(in, "block_at_registration", p), p + ".block_at_registration", n);
        JsonNode pb = array(field(in, "validator_permits_before", p), p + ".validator_permits_before", n);
        boolean[] permits = new boolean[n];
        for (int i = 0; i < n; i++) {
            permits[i] = bool(pb.get(i), p + ".validator_permits_before[" + i + "]");
        }
        JsonNode ws = array(field(in, "weights_sparse_u16", p), p + ".weights_sparse_u16", n);
        int[][] weights = new int[n][];
        for (int i = 0; i < n; i++) {
            String rp = p + ".weights_sparse_u16[" + i + "]";
            JsonNode row = ws.get(i);
            if (!row.isArray()) {
                throw new UsageException(rp + ": expected an array of [uid, u16] pairs");
            }
            if (row.isEmpty()) {
                continue;
            }
            int[] dense = YumaInputs.denseRow(n, new int[0], new int[0]);
            for (int k = 0; k < row.size(); k++) {
                String ep = rp + "[" + k + "]";
                JsonNode pair = row.get(k);
                if (!pair.isArray() || pair.size() != 2) {
                    throw new UsageException(ep + ": expected a pair [uid, u16]");
                }
                int uid = (int) integer(pair.get(0), ep + "[0]", 0, n - 1);
                int w = (int) integer(pair.get(1), ep + "[1]", 0, 65535);
                if (dense[uid] != YumaInputs.ABSENT) {
                    throw new UsageException(ep + "[0]: duplicate target uid " + uid);
                }
                dense[uid] = w;
            }
            weights[i] = dense;
        }
        JsonNode bb = array(field(in, "bonds_before_u16", p), p + ".bonds_before_u16", n);
        double[][] bonds = new double[n][];
        for (int i = 0; i < n; i++) {
            String rp = p + ".bonds_before_u16[" + i + "]";
            JsonNode row = array(bb.get(i), rp, n);
            double[] r = new double[n];
            boolean any = false;
            for (int j = 0; j < n; j++) {
                r[j] = (int) integer(row.get(j), rp + "[" + j + "]", 0, 65535);
                any |= r[j] != 0;
            }
            bonds[i] = any ? r : null;
        }
        long step = in.has("last_mechanism_step_block")
                ? integer(in.get("last_mechanism_step_block"), p + ".last_mechanism_step_block", 0, Long.MAX_VALUE)
                : lastStep;
        long epochRao = in.has("rao_emission")
                ? integer(in.get("rao_emission"), p + ".rao_emission", 0, Long.MAX_VALUE) : rao;
        long[] commits = null;
        if (commitReveal) { // per uid the block of its earliest unexpired weight commit, or null for none
            String cp = p + ".earliest_commit_block";
            JsonNode cb = array(field(in, "earliest_commit_block", p), cp, n);
            commits = new long[n];
            for (int i = 0; i < n; i++) {
                JsonNode c = cb.get(i);
                commits[i] = c.isNull() ? YumaInputs.NO_COMMIT
                        : integer(c, cp + "[" + i + "]", 0, Long.MAX_VALUE - 1);
            }
        }
        return new YumaInputs(block, step, epochRao, stake, weights, lastUpdate, reg, permits, bonds, commits);
    }

    private static JsonNode field(JsonNode obj, String name, String parentPath) {
        JsonNode v = obj.isObject() ? obj.get(name) : null;
        if (v == null || v.isMissingNode()) {
            throw new UsageException(parentPath + "." + name + ": missing");
        }
        return v;
    }

    private static String text(JsonNode obj, String name, String path) {
        JsonNode v = obj.get(name);
        if (v == null) {
            throw new UsageException(path + ": missing");
        }
        if (!v.isTextual()) {
            throw new UsageException(path + ": expected a string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode v, String path) {
        if (v == null || !v.isBoolean()) {
            throw new UsageException(path + ": expected true or false");
        }
        return v.booleanValue();
    }

    private static long integer(JsonNode v, String path, long min, long max) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new UsageException(path + ": expected an integer");
        }
        long x = v.longValue();
        if (x < min || x > max) {
            throw new UsageException(path + ": " + x + " is out of range [" + min + ", " + max + "]");
        }
        return x;
    }

    private static JsonNode array(JsonNode v, String path, int length) {
        if (v == null || !v.isArray()) {
            throw new UsageException(path + ": expected an array");
        }
        if (v.size() != length) {
            throw new UsageException(path + ": expected " + length + " entries (n), found " + v.size());
        }
        return v;
    }

    private static long[] longs(JsonNode v, String path, int n) {
        array(v, path, n);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = integer(v.get(i), path + "[" + i + "]", 0, Long.MAX_VALUE);
        }
        return out;
    }
}
