package io.incentivelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code yuma} command end to end through {@link Cli}: JSON on stdout, and exit 2 naming the field on bad input. */
class YumaCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private ObjectNode sample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/yuma-cases/derived_kappa_32767.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    private Path write(ObjectNode c) throws IOException {
        Path p = dir.resolve("case.json");
        Files.writeString(p, MAPPER.writeValueAsString(c));
        return p;
    }

    @Test
    void printsOnlyJsonWithExpectedFieldNames() throws IOException {
        ObjectNode c = sample();
        assertThat(run("yuma", write(c).toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode result = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.get("name").asText()).isEqualTo("derived_kappa_32767");
        JsonNode epoch = result.get("epochs").get(0);
        JsonNode expected = c.get("epochs").get(0).get("expected");
        expected.fieldNames().forEachRemaining(f -> {
            if (!f.endsWith("_i32f32_bits")) {
                assertThat(epoch.has(f)).as(f).isTrue();
            }
        });
        assertThat(epoch.get("server_emission_rao").get(3).isIntegralNumber()).isTrue();
        assertThat(epoch.get("bonds_u16").get(0).get(0).isIntegralNumber()).isTrue();
        assertThat(epoch.get("consensus").get(3).isDouble()).isTrue();
    }

    @Test
    void missingField() throws IOException {
        assertRejected(c -> ((ObjectNode) c.get("hyperparameters")).remove("kappa_u16"), "$.hyperparameters.kappa_u16");
    }

    @Test
    void wrongType() throws IOException {
        assertRejected(c -> ((ArrayNode) inputs(c).get("stake")).set(1, "lots"), "$.epochs[0].inputs.stake[1]");
    }

    @Test
    void wrongArrayLength() throws IOException {
        assertRejected(c -> ((ArrayNode) inputs(c).get("last_update")).remove(0), "$.epochs[0].inputs.last_update");
        assertRejected(c -> ((ArrayNode) inputs(c).get("bonds_before_u16").get(2)).add(0), "$.epochs[0].inputs.bonds_before_u16[2]");
    }

    @Test
    void negativeStake() throws IOException {
        assertRejected(c -> ((ArrayNode) inputs(c).get("stake")).set(0, -5), "$.epochs[0].inputs.stake[0]");
    }

    @Test
    void weightOutOfRangeAndBadTarget() throws IOException {
        assertRejected(c -> ((ArrayNode) inputs(c).get("weights_sparse_u16").get(0).get(0)).set(1, 70000),
                "$.epochs[0].inputs.weights_sparse_u16[0][0][1]");
        assertRejected(c -> ((ArrayNode) inputs(c).get("weights_sparse_u16").get(0).get(0)).set(0, 99),
                "$.epochs[0].inputs.weights_sparse_u16[0][0][0]");
    }

    /**
     * Commit-reveal mask (yuma.md §5.5 step 4), hand-built from the κ = 32767 case: miner 4 re-registered at
     * block 2, validator 0 revealed at block 3 (so its weights are not outdated) a commit made at block 1. Its
     * commit is older than miner 4's registration, so w_04 is dropped and its row renormalises to 1.0 on miner 3.
     * Consensus stays (0.4, 0.6), but validator 0's trust falls from 0.6∧0.4 + 0.4∧0.6 = 0.8 to 1.0∧0.4 = 0.4
     * and miner 4 loses validator 0's 40 % of stake in its rank.
     */
    @Test
    void commitRevealMasksWeightsCommittedBeforeTheTargetRegistered() throws IOException {
        ObjectNode c = sample();
        ObjectNode in = inputs(c);
        in.put("current_block", 3);
        in.set("last_update", MAPPER.valueToTree(new int[] {3, 3, 3, 1, 1}));
        in.set("block_at_registration", MAPPER.valueToTree(new int[] {1, 1, 1, 1, 2}));
        ArrayNode commits = in.putArray("earliest_commit_block");
        commits.add(1).addNull().addNull().addNull().addNull();
        JsonNode off = runCase(c);
        ((ObjectNode) c.get("hyperparameters")).put("commit_reveal_enabled", true);
        JsonNode on = runCase(c);
        commits.set(0, 2); // a commit at the registration block itself is not older: nothing masked
        JsonNode sameBlock = runCase(c);
        commits.set(0, MAPPER.nullNode());
        JsonNode none = runCase(c);

        double w1m3 = 16384.0 / (16384 + 65535);
        double w1m4 = 65535.0 / (16384 + 65535);
        double c3 = 43690.0 / (43690 + 65535);
        double c4 = 65535.0 / (43690 + 65535);
        assertThat(doubles(off, "validator_trust")[0]).isCloseTo(0.8, within(1e-6));
        assertThat(doubles(on, "validator_trust")[0]).isCloseTo(c3, within(1e-6));
        assertThat(doubles(on, "consensus")).containsExactly(doubles(off, "consensus"));
        assertThat(doubles(on, "consensus")[3]).isCloseTo(c3, within(1e-6));
        assertThat(doubles(on, "consensus")[4]).isCloseTo(c4, within(1e-6));
        double r3 = 0.40 * c3 + 0.35 * Math.min(w1m3, c3) + 0.25 * c3;
        double r4 = 0.35 * Math.min(w1m4, c4) + 0.25 * c4; // validator 0 no longer weights miner 4
        assertThat(doubles(on, "incentive")[3]).isCloseTo(r3 / (r3 + r4), within(1e-6));
        assertThat(doubles(on, "incentive")[4]).isCloseTo(r4 / (r3 + r4), within(1e-6));
        assertThat(doubles(off, "incentive")[4]).isGreaterThan(doubles(on, "incentive")[4] + 0.05);
        assertThat(sameBlock.get("epochs")).isEqualTo(off.get("epochs"));
        assertThat(none.get("epochs")).isEqualTo(off.get("epochs"));
    }

    @Test
    void commitRevealNeedsCommitBlocks() throws IOException {
        Consumer<ObjectNode> on = c -> ((ObjectNode) c.get("hyperparameters")).put("commit_reveal_enabled", true);
        assertRejected(on, "$.epochs[0].inputs.earliest_commit_block");
        assertRejected(on.andThen(c -> inputs(c).putArray("earliest_commit_block").add(1).add(-4).addNull().addNull()
                .addNull()), "$.epochs[0].inputs.earliest_commit_block[1]");
        assertRejected(on.andThen(c -> inputs(c).putArray("earliest_commit_block").add(1)),
                "$.epochs[0].inputs.earliest_commit_block");
    }

    private JsonNode runCase(ObjectNode c) throws IOException {
        out.reset();
        err.reset();
        assertThat(run("yuma", write(c).toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static double[] doubles(JsonNode result, String field) {
        JsonNode a = result.get("epochs").get(0).get(field);
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.get(i).asDouble();
        }
        return x;
    }

    @Test
    void notJsonAndMissingFile() throws IOException {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, "{\"name\": ");
        assertThat(run("yuma", p.toString())).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not valid JSON").doesNotContain("Exception");
        err.reset();
        assertThat(run("yuma", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        err.reset();
        assertThat(run("yuma")).isEqualTo(2);
        assertThat(out.size()).isZero();
    }

    private static ObjectNode inputs(ObjectNode c) {
        return (ObjectNode) c.get("epochs").get(0).get("inputs");
    }

    private void assertRejected(Consumer<ObjectNode> breakIt, String path) throws IOException {
        ObjectNode c = sample();
        breakIt.accept(c);
        out.reset();
        err.reset();
        assertThat(run("yuma", write(c).toString())).as(path).isEqualTo(2);
        assertThat(out.size()).as("stdout for " + path).isZero();
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains(path).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(message.strip().lines().count()).isEqualTo(1);
    }
}
