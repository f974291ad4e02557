package io.incentivelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {

    static final String SPEC = """
            { "schemaVersion": 1, "name": "cli sweep",
              "scenarios": [ { "label": "power", "scenario": { "schemaVersion": 1, "network": { "horizonEpochs": 20, "sampleEveryEpochs": 5 },
                 "subnets": [ { "name": "speed", "rewardCurve": { "type": "POWER", "alpha": 2 },
                   "miners": { "operators": 12 }, "validators": { "count": 6 } } ] } } ],
              "sweep": { "axes": [ { "path": "$.subnets[0].rewardCurve.alpha", "kind": "LIST", "values": [1, 3] } ] },
              "replicates": 3, "baseSeed": 5 }""";

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheThreeFilesAndOnlyThePathAndResultToStdout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.experiment.json");
        Files.writeString(file, SPEC);
        Path out = dir.resolve("out");
        Result r = cli("experiment", file.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly(out.toAbsolutePath().toString(),
                r.out().lines().toList().get(1));
        assertThat(r.out()).contains("COMPLETED: 6 of 6 runs done, 0 failed");
        assertThat(r.err()).contains("6 runs (2 points × 3 replicates) on 2 threads").contains("6/6 runs");
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(7);
        assertThat(Files.readAllLines(out.resolve("runs.csv")).get(0))
                .startsWith("runIndex,pointIndex,scenario,replicate,seed,status,error,scenarioHash,engineVersion,$.subnets[0].rewardCurve.alpha,speed.");
        assertThat(Files.readAllLines(out.resolve("summary.csv")).get(1)).startsWith("0,power,1,3,3,0,speed.");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("points")).hasSize(2);
        assertThat(summary.at("/points/1/values").toString()).isEqualTo("{\"$.subnets[0].rewardCurve.alpha\":3}");

        Path again = dir.resolve("again");
        assertThat(cli("experiment", file.toString(), "--out", again.toString(), "--threads", "1").code()).isZero();
        for (String f : new String[] {"runs.csv", "summary.csv", "summary.json"}) {
            assertThat(Files.readString(again.resolve(f))).as(f).isEqualTo(Files.readString(out.resolve(f)));
        }
    }

    @Test
    void aBadFileIsExit2WithEveryProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, SPEC.replace("\"replicates\": 3", "\"replicates\": -1").replace("\"POWER\"", "\"CUBIC\""));
        Result r = cli("experiment", file.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("$.replicates: must be a whole number").contains("$.scenarios[0].scenario.subnets[0].rewardCurve.type");
        assertThat(cli("experiment", dir.resolve("missing.json").toString()).code()).isEqualTo(2);
        assertThat(cli("experiment", file.toString(), "--threads", "zero").code()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("o"))).isFalse();
    }
}
