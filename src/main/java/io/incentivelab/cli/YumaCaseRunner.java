package io.incentivelab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaResult;
import io.incentivelab.simulation.yuma.YumaWorkspace;

/**
 * Runs every epoch of a case from its own recorded inputs and renders the outputs with the snake_case names
 * of the case's {@code expected} objects. The {@code yuma} command and the conformance test share this path.
 */
final class YumaCaseRunner {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private YumaCaseRunner() {
    }

    static ObjectNode run(YumaCase yumaCase) {
        YumaConsensus yuma = new YumaConsensus(yumaCase.params());
        YumaWorkspace ws = new YumaWorkspace();
        ObjectNode out = MAPPER.createObjectNode();
        out.put("name", yumaCase.name());
        ArrayNode epochs = out.putArray("epochs");
        int index = 0;
        for (YumaInputs in : yumaCase.epochs()) {
            YumaResult r = yuma.epoch(in, ws, true);
            ObjectNode e = epochs.addObject();
            e.put("index", index++);
            bools(e.putArray("active"), r.active());
            bools(e.putArray("new_validator_permits"), r.newValidatorPermits());
            doubles(e.putArray("stake_normalized"), r.stakeNormalized());
            doubles(e.putArray("active_stake"), r.activeStake());
            doubles(e.putArray("consensus"), r.consensus());
            doubles(e.putArray("validator_trust"), r.validatorTrust());
            doubles(e.putArray("ranks"), r.ranks());
            doubles(e.putArray("incentive"), r.incentive());
            doubles(e.putArray("dividends"), r.dividends());
            ints(e.putArray("stake_weight_u16"), r.stakeWeightU16());
            ints(e.putArray("consensus_u16"), r.consensusU16());
            ints(e.putArray("validator_trust_u16"), r.validatorTrustU16());
            ints(e.putArray("incentive_u16"), r.incentiveU16());
            ints(e.putArray("dividends_u16"), r.dividendsU16());
            longs(e.putArray("server_emission_rao"), r.serverEmissionRao());
            longs(e.putArray("validator_emission_rao"), r.validatorEmissionRao());
            longs(e.putArray("emission_rao"), r.emissionRao());
            int n = in.n();
            ArrayNode bonds = e.putArray("bonds_u16");
            ArrayNode fixed = e.putArray("bonds_fixed");
            for (int i = 0; i < n; i++) {
                int[] row = r.bondsU16()[i];
                ints(bonds.addArray(), row != null ? row : new int[n]);
                double[] frow = r.bondsFixed()[i];
                doubles(fixed.addArray(), frow != null ? frow : new double[n]);
            }
        }
        return out;
    }

    private static void bools(ArrayNode a, boolean[] v) {
        for (boolean x : v) {
            a.add(x);
        }
    }

    private static void doubles(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }

    private static void ints(ArrayNode a, int[] v) {
        for (int x : v) {
            a.add(x);
        }
    }

    private static void longs(ArrayNode a, long[] v) {
        for (long x : v) {
            a.add(x);
        }
    }
}
