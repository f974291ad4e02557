package io.incentivelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** simulate, validate and schema: results on stdout only, messages on stderr, exit codes 0 / 2. */
class ScenarioCommandsTest {

    private static final String SMALL = """
            {"network": {"horizonEpochs": 20}, "subnets": [{"name": "a", "miners": {"operators": 8}, "validators": {"count": 4}}]}""";

    record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void simulatePrintsTheSummaryAndWritesTheFullOutput(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.json"), SMALL);
        Path outFile = dir.resolve("out.json");
        Run r = cli("simulate", scenario.toString(), "--seed", "5", "--out", outFile.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertThat(summary.at("/subnets/0/name").asText()).isEqualTo("a");
        assertThat(summary.at("/subnets/0/giniEmission").isNumber()).isTrue();
        assertThat(summary.at("/network/resourceShareBySubnet/compute/a").asDouble()).isEqualTo(1.0);
        JsonNode full = new ObjectMapper().readTree(outFile.toFile());
        assertThat(full.fieldNames()).toIterable().containsExactly("summary", "timeSeries", "manifest");
        assertThat(full.at("/manifest/seed").asLong()).isEqualTo(5);
        assertThat(full.at("/manifest/scenarioHash").asText()).hasSize(64);
        assertThat(full.get("summary")).isEqualTo(summary);
        // same seed again: the same bytes
        Path again = dir.resolve("again.json");
        cli("simulate", scenario.toString(), "--seed", "5", "--out", again.toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(outFile));
    }

    @Test
    void validateReportsEveryProblemOrValid(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), SMALL);
        assertThat(cli("validate", good.toString())).isEqualTo(new Run(0, "valid\n", ""));
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"subnets": [{"name": "a", "rewardCurve": {"type": "POWER", "alpha": 0}, "metric": "FAST"}], "extra": 1}""");
        Run r = cli("validate", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out().lines()).hasSize(3).anySatisfy(l -> assertThat(l).startsWith("$.subnets[0].rewardCurve.alpha: "))
                .anySatisfy(l -> assertThat(l).startsWith("$.subnets[0].metric: "))
                .anySatisfy(l -> assertThat(l).startsWith("$.extra: unknown field"));
    }

    @Test
    void badFilesGetAMessageAndExitCode2(@TempDir Path dir) throws Exception {
        Run missing = cli("simulate", dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("no such file");
        Path notJson = Files.writeString(dir.resolve("x.json"), "hello");
        Run sim = cli("simulate", notJson.toString());
        assertThat(sim.code()).isEqualTo(2);
        assertThat(sim.out()).isEmpty();
        assertThat(sim.err()).contains("not valid JSON");
        Run val = cli("validate", notJson.toString());
        assertThat(val.code()).isEqualTo(2);
        assertThat(val.out()).startsWith("$: not valid JSON");
        assertThat(cli("simulate", notJson.toString(), "--seed", "x").code()).isEqualTo(2);
        assertThat(cli("validate").code()).isEqualTo(2);
    }

    @Test
    void schemaPrintsTheJsonSchema() throws Exception {
        Run r = cli("schema");
        assertThat(r.code()).isZero();
        JsonNode schema = new ObjectMapper().readTree(r.out());
        assertThat(schema.at("/properties/schemaVersion/description").asText()).isNotBlank();
        assertThat(schema.at("/properties/subnets/items/properties/miners/properties/operators/maximum").asInt()).isEqualTo(256);
    }
}
