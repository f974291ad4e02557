package io.incentivelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every epoch of every case in {@code yuma-cases/} through the {@code yuma} command's path
 * (reader → engine → JSON), compared with {@code expected} at the float64 tolerance of yuma.md §11.
 */
class YumaCaseConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> PROPORTIONS = List.of("stake_normalized", "active_stake", "consensus",
            "validator_trust", "ranks", "incentive", "dividends");
    private static final List<String> U16 = List.of("stake_weight_u16", "consensus_u16", "validator_trust_u16",
            "incentive_u16", "dividends_u16");
    private static final List<String> RAO = List.of("server_emission_rao", "validator_emission_rao", "emission_rao");

    static Stream<Path> cases() throws IOException, URISyntaxException {
        URL dir = YumaCaseConformanceTest.class.getResource("/yuma-cases");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(14);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesEveryEpoch(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode expectedCase = MAPPER.readTree(json);
        JsonNode actual = YumaCaseRunner.run(YumaCaseReader.read(json));
        assertThat(actual.get("name").asText()).isEqualTo(expectedCase.get("name").asText());
        JsonNode epochs = expectedCase.get("epochs");
        assertThat(actual.get("epochs").size()).isEqualTo(epochs.size());
        List<String> failures = new ArrayList<>();
        for (int e = 0; e < epochs.size(); e++) {
            JsonNode exp = epochs.get(e).get("expected");
            JsonNode act = actual.get("epochs").get(e);
            String at = "epoch " + e + " ";
            for (String f : List.of("active", "new_validator_permits")) {
                if (!exp.get(f).equals(act.get(f))) {
                    failures.add(at + f + ": expected " + exp.get(f) + " got " + act.get(f));
                }
            }
            for (String f : PROPORTIONS) {
                compare(failures, at + f, exp.get(f), act.get(f), 1e-6);
            }
            for (String f : U16) {
                compare(failures, at + f, exp.get(f), act.get(f), 1);
            }
            for (String f : RAO) {
                compare(failures, at + f, exp.get(f), act.get(f), 10);
            }
            for (int i = 0; i < exp.get("bonds_u16").size(); i++) {
                compare(failures, at + "bonds_u16[" + i + "]", exp.get("bonds_u16").get(i), act.get("bonds_u16").get(i), 1);
                compare(failures, at + "bonds_fixed[" + i + "]", exp.get("bonds_fixed").get(i),
                        act.get("bonds_fixed").get(i), 1e-6);
            }
        }
        assertThat(failures).as(file.getFileName().toString()).isEmpty();
    }

    private static void compare(List<String> failures, String field, JsonNode exp, JsonNode act, double tol) {
        if (act == null || act.size() != exp.size()) {
            failures.add(field + ": length differs");
            return;
        }
        for (int i = 0; i < exp.size(); i++) {
            double d = Math.abs(exp.get(i).asDouble() - act.get(i).asDouble());
            if (!(d <= tol)) {
                failures.add(field + "[" + i + "]: expected " + exp.get(i) + " got " + act.get(i));
            }
        }
    }
}
