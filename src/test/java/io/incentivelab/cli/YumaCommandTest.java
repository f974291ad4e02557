package io.incentivelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
