package io.incentivelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.metagraph.GeneratedSnapshots;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.metagraph.MetagraphYuma;
import io.incentivelab.simulation.model.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code yuma --metagraph FILE} on snapshots generated with known answers ({@link GeneratedSnapshots}): the
 * epoch recovered from the SDK's view reproduces the chain-form run within {@link MetagraphYuma#TOLERANCE};
 * a corrupted incentive is reported beyond it.
 */
class MetagraphYumaCommandTest {

    private static final Pattern DEVIATION = Pattern.compile(
            "max deviation: incentive (\\S+) \\(uid (\\d+)\\), dividends (\\S+) \\(uid (\\d+)\\); tolerance (\\S+)");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(ObjectNode snapshot) throws IOException {
        Path p = dir.resolve("snapshot.json");
        Files.writeString(p, GeneratedSnapshots.text(snapshot));
        out.reset();
        err.reset();
        return Cli.run(new String[] {"yuma", "--metagraph", p.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Matcher deviation() {
        Matcher m = DEVIATION.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        return m;
    }

    @ParameterizedTest
    @CsvSource({"1, 4, 20, true", "2, 8, 60, true", "3, 3, 9, false", "4, 16, 200, false", "5, 64, 192, true"})
    void reproducesTheSnapshotsIncentiveAndDividendsWithinTheTolerance(long seed, int validators, int miners,
                                                                     boolean yuma3) throws IOException {
        ObjectNode s = GeneratedSnapshots.generate(seed, validators, miners, yuma3);
        double incentiveSum = 0;
        double dividendSum = 0;
        for (int i = 0; i < validators + miners; i++) {
            incentiveSum += s.get("incentive").get(i).asDouble();
            dividendSum += s.get("dividends").get(i).asDouble();
        }
        assertThat(incentiveSum).as("the generated answers are not trivial").isGreaterThan(0.99);
        assertThat(dividendSum).isGreaterThan(0.99);

        assertThat(run(s)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher m = deviation();
        assertThat(Double.parseDouble(m.group(1))).isLessThanOrEqualTo(MetagraphYuma.TOLERANCE);
        assertThat(Double.parseDouble(m.group(3))).isLessThanOrEqualTo(MetagraphYuma.TOLERANCE);
        assertThat(Double.parseDouble(m.group(5))).isEqualTo(Double.parseDouble(String.format(Locale.ROOT,
                "%.3e", MetagraphYuma.TOLERANCE)));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("within tolerance");
        assertThat(text.lines().filter(l -> l.matches("\\s*\\d+\\s+(yes|no)\\s+.*")).count())
                .isEqualTo(validators + miners);
    }

    @Test
    void aCorruptedIncentiveFailsTheCheckAndNamesTheUid() throws IOException {
        ObjectNode s = GeneratedSnapshots.generate(9, 6, 30, true);
        ArrayNode inc = (ArrayNode) s.get("incentive");
        int uid = 17;
        inc.set(uid, inc.get(uid).asDouble() + 3 * MetagraphYuma.TOLERANCE);
        assertThat(run(s)).isEqualTo(1);
        Matcher m = deviation();
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(uid);
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(MetagraphYuma.TOLERANCE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OUTSIDE tolerance");
    }

    @Test
    void aBadSnapshotExitsTwoNamingTheField() throws IOException {
        ObjectNode s = GeneratedSnapshots.generate(9, 3, 5, true);
        ((ArrayNode) s.get("dividends")).remove(0);
        assertThat(run(s)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("$.dividends: has 7 entries; expected 8");
        assertThat(Cli.run(new String[] {"yuma", "--metagraph", dir.resolve("none.json").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }

    @Test
    void importMetagraphWritesAScenarioFile() throws IOException {
        Path snapshot = dir.resolve("in.json");
        Files.writeString(snapshot, GeneratedSnapshots.text(GeneratedSnapshots.generate(4, 6, 18, true)));
        Path target = dir.resolve("out.scenario.json");
        int code = Cli.run(new String[] {"import-metagraph", snapshot.toString(), "--out", target.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Scenario sc = ScenarioCodec.parse(Files.readString(target));
        assertThat(sc.subnets().get(0).validators().count()).isEqualTo(6);
        assertThat(sc.subnets().get(0).miners().operators()).isEqualTo(6);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("6 validators, 6 operators (18 miner UIDs by coldkey)");
        ObjectNode bad = GeneratedSnapshots.generate(4, 6, 18, true);
        bad.put("format", "metagraph-snapshot/9");
        Files.writeString(snapshot, GeneratedSnapshots.text(bad));
        assertThat(Cli.run(new String[] {"import-metagraph", snapshot.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("$.format: unknown format");
    }
}
