package io.incentivelab.metagraph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import io.incentivelab.simulation.yuma.YumaResult;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.Arrays;
import java.util.Random;

/**
 * Snapshots with known answers: a random chain state in the chain's own form (stakes in rao, u16 weight rows
 * max-upscaled to 65535, no bonds) is run through {@link YumaConsensus}, and written as the SDK shows it —
 * stakes in alpha and W rows normalised to sum 1, both as float32, and the stored u16 incentive and dividends
 * as {@code u16/65535} float32 values.
 */
public final class GeneratedSnapshots {

    public static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedSnapshots() {
    }

    /** A snapshot of {@code validators + miners} UIDs; validators come first and hold the permits. */
    public static ObjectNode generate(long seed, int validators, int miners, boolean yuma3) {
        Random r = new Random(seed);
        int n = validators + miners;
        long block = 5_000_000 + r.nextInt(100_000);
        int tempo = 360;
        YumaParams params = new YumaParams(32767, 900_000, 65535, yuma3, false, 45875, 58982, 1000, 64,
                YumaParams.activityCutoffBlocks(13_889, tempo), 0, -1, tempo);
        long[] stake = new long[n];
        int[][] rows = new int[n][];
        long[] lastUpdate = new long[n];
        long[] registered = new long[n];
        boolean[] permits = new boolean[n];
        for (int i = 0; i < n; i++) {
            registered[i] = block - 10_000 - r.nextInt(100_000);
            lastUpdate[i] = block - 1 - r.nextInt(300);
            if (i < validators) {
                permits[i] = true;
                stake[i] = (long) ((1000 + r.nextDouble() * 400_000) * 1e9);
                int[] row = new int[n];
                Arrays.fill(row, YumaInputs.ABSENT);
                int[] raw = new int[n];
                int max = 0;
                for (int j = validators; j < n; j++) {
                    if (r.nextDouble() < 0.8) {
                        raw[j] = 1 + r.nextInt(1000);
                        max = Math.max(max, raw[j]);
                    }
                }
                for (int j = validators; j < n; j++) {
                    if (raw[j] > 0) {
                        row[j] = (int) Math.round(raw[j] * 65535.0 / max); // set_weights' max-upscale
                    }
                }
                rows[i] = max > 0 ? row : null;
            } else {
                stake[i] = r.nextDouble() < 0.5 ? 0 : (long) (r.nextDouble() * 50 * 1e9);
            }
        }
        YumaInputs in = new YumaInputs(block, 0, 0, stake, rows, lastUpdate, registered, permits, new double[n][]);
        YumaResult out = new YumaConsensus(params).epoch(in, new YumaWorkspace());

        ObjectNode s = JSON.createObjectNode();
        s.put("format", "metagraph-snapshot/1").put("sdk", "generated").put("network", "test").put("netuid", 7)
                .put("mechid", 0).put("block", block).put("tempo", tempo);
        s.putObject("hparams").put("kappa", 32767).put("bonds_moving_avg", 0.9).put("alpha_low", 0.7)
                .put("alpha_high", 0.9).put("liquid_alpha_enabled", false).put("yuma3_enabled", yuma3)
                .put("max_validators", 64).put("immunity_period", 5000).put("rho", 10);
        ArrayNode uids = s.putArray("uids");
        ArrayNode hot = s.putArray("hotkeys");
        ArrayNode cold = s.putArray("coldkeys");
        ArrayNode st = s.putArray("stake");
        ArrayNode inc = s.putArray("incentive");
        ArrayNode div = s.putArray("dividends");
        ArrayNode em = s.putArray("emission");
        ArrayNode perm = s.putArray("validator_permit");
        ArrayNode act = s.putArray("active");
        ArrayNode lu = s.putArray("last_update");
        ArrayNode reg = s.putArray("block_at_registration");
        int[] incentiveU16 = out.incentiveU16();
        int[] dividendsU16 = out.dividendsU16();
        for (int i = 0; i < n; i++) {
            uids.add(i);
            hot.add("5Hot" + seed + "x" + i);
            cold.add("5Cold" + (i < validators ? "v" + i : "m" + (i % Math.max(1, miners / 3))));
            st.add((double) (float) (stake[i] / 1e9));
            inc.add((double) (float) (incentiveU16[i] / 65535.0));
            div.add((double) (float) (dividendsU16[i] / 65535.0));
            em.add(0.0);
            perm.add(permits[i]);
            act.add(out.active()[i] ? 1 : 0);
            lu.add(lastUpdate[i]);
            reg.add(registered[i]);
        }
        ArrayNode w = s.putArray("weights");
        for (int i = 0; i < n; i++) {
            if (rows[i] == null) {
                continue;
            }
            long sum = 0;
            for (int v : rows[i]) {
                sum += Math.max(v, 0);
            }
            for (int j = 0; j < n; j++) {
                if (rows[i][j] > 0) {
                    w.addArray().add(i).add(j).add((double) (float) (rows[i][j] / (double) sum));
                }
            }
        }
        return s;
    }

    public static String text(ObjectNode snapshot) {
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
