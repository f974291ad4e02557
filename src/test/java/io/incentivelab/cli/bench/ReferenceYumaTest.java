package io.incentivelab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incentivelab.simulation.yuma.SyntheticYumaInputs;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference harness: why it does not run, the input file it writes, and the driver's protocol end to end
 * against a stand-in for the reference package (a {@code Yuma3} of our own with the reference's signature that
 * records what it was called with), so that the test needs torch but not the reference itself.
 */
class ReferenceYumaTest {

    @Test
    void saysWhyTheReferenceCannotRun(@TempDir Path dir) throws Exception {
        assertThat(ReferenceYuma.unavailable(Map.of())).contains("YUMA_SIM_SRC is not set");
        assertThat(ReferenceYuma.unavailable(Map.of("YUMA_SIM_SRC", dir.toString())).orElseThrow())
                .contains("has no yuma_simulation/_internal/yumas.py");
        Path src = fakeReference(dir);
        assertThat(ReferenceYuma.unavailable(Map.of("YUMA_SIM_SRC", src.toString(), "YUMA_SIM_PYTHON",
                dir.resolve("no-python").toString()))).contains(dir.resolve("no-python") + " is not an executable");
    }

    @Test
    void writesTheValidatorRowsOfTheInputs(@TempDir Path dir) throws Exception {
        YumaInputs in = SyntheticYumaInputs.dense(3, 7, 5);
        YumaParams params = YumaParams.newSubnetDefaults();
        Path f = dir.resolve("in.bin");
        ReferenceYuma.writeInputs(f, in, params, 3);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt()).isEqualTo(3);
        assertThat(b.getInt()).isEqualTo(7);
        assertThat(b.getDouble()).isEqualTo(params.bondEmaAlpha());
        assertThat(b.getDouble()).isEqualTo(params.kappa());
        for (int i = 0; i < 3; i++) {
            assertThat(b.getDouble()).isEqualTo((double) in.stake()[i]);
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(b.getDouble()).isEqualTo((double) in.weights()[i][j]);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(b.getDouble()).isEqualTo(in.bondsBefore()[i][j]);
            }
        }
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void theDriverCallsYuma3WithTheInputsAndReportsRounds(@TempDir Path dir) throws Exception {
        assumeTrue(pythonHasTorch(), ReferenceYuma.DEFAULT_PYTHON + " with torch is needed");
        Path src = fakeReference(dir);
        Path record = dir.resolve("call.json");
        Map<String, String> env = new HashMap<>(Map.of("YUMA_SIM_SRC", src.toString()));
        YumaInputs in = SyntheticYumaInputs.dense(4, 12, 9);
        YumaParams params = YumaParams.newSubnetDefaults().withMaxAllowedValidators(4);
        // the stand-in writes what it was called with to FAKE_YUMA_RECORD, which the driver's environment inherits
        env.put("FAKE_YUMA_RECORD", record.toString());
        try (ReferenceYuma ref = startWith(env, in, params)) {
            assertThat(ref.description).isEqualTo("bactensor/yuma-simulation Yuma3 (torch " + torchVersion() + ", float32, 1 thread)");
            double[] rates = ref.round(0.05);
            assertThat(rates[0]).isPositive();
            assertThat(rates[1]).isPositive();
        }
        JsonNode call = new ObjectMapper().readTree(record.toFile());
        assertThat(call.path("shape").toString()).isEqualTo("[4,12]");
        assertThat(call.path("num_validators").asInt()).isEqualTo(4);
        assertThat(call.path("num_servers").asInt()).isEqualTo(12);
        assertThat(call.path("dtype").asText()).isEqualTo("torch.float32");
        assertThat(call.path("use_full_matrices").asBoolean()).isTrue();
        assertThat(call.path("kappa").asDouble()).isEqualTo(params.kappa(), Offset.offset(1e-12));
        assertThat(call.path("bond_moving_avg").asDouble()).isEqualTo(1 - params.bondEmaAlpha(), Offset.offset(1e-12));
        assertThat(call.path("bond_penalty").asDouble()).isEqualTo(1.0);
        assertThat(call.path("liquid_alpha").asBoolean()).isFalse();
        double w = 0;
        double b = 0;
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s += in.stake()[i];
            for (int j = 0; j < 12; j++) {
                w += Math.max(in.weights()[i][j], 0);
                b += in.bondsBefore()[i][j] / 65535.0;
            }
        }
        assertThat(call.path("w_sum").asDouble()).isCloseTo(w, Percentage.withPercentage(1e-4));
        assertThat(call.path("w_min").asDouble()).isEqualTo(0.0); // absent entries weigh 0
        assertThat(call.path("s_sum").asDouble()).isCloseTo(s, Percentage.withPercentage(1e-4));
        assertThat(call.path("b_sum").asDouble()).isCloseTo(b, Percentage.withPercentage(1e-4));
    }

    @Test
    void aDriverThatCannotStartIsReportedWithItsError(@TempDir Path dir) throws Exception {
        assumeTrue(pythonHasTorch(), ReferenceYuma.DEFAULT_PYTHON + " with torch is needed");
        Path src = fakeReference(dir);
        Files.writeString(src.resolve("yuma_simulation/_internal/yumas.py"), "raise ImportError('broken reference')\n");
        YumaInputs in = SyntheticYumaInputs.dense(2, 4, 1);
        assertThatThrownBy(() -> ReferenceYuma.start(Map.of("YUMA_SIM_SRC", src.toString()), in,
                YumaParams.newSubnetDefaults(), 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not start").hasMessageContaining("broken reference");
    }

    private static ReferenceYuma startWith(Map<String, String> env, YumaInputs in, YumaParams params) {
        return ReferenceYuma.start(env, in, params, 4);
    }

    /** A package laid out like the reference's src, with a stand-in {@code yumas} module of our own. */
    private static Path fakeReference(Path dir) throws Exception {
        Path src = dir.resolve("src");
        Path internal = src.resolve("yuma_simulation/_internal");
        Files.createDirectories(internal);
        Files.writeString(src.resolve("yuma_simulation/__init__.py"), "");
        Files.writeString(internal.resolve("__init__.py"), "");
        Files.writeString(internal.resolve("yumas.py"), """
                import json, os
                from dataclasses import dataclass, field

                @dataclass
                class SimulationHyperparameters:
                    kappa: float = 0.5
                    bond_penalty: float = None

                @dataclass
                class YumaParams:
                    bond_moving_avg: float = 0.1
                    liquid_alpha: bool = False

                @dataclass
                class YumaConfig:
                    simulation: SimulationHyperparameters = field(default_factory=SimulationHyperparameters)
                    yuma_params: YumaParams = field(default_factory=YumaParams)

                def Yuma3(W, S, num_servers, num_validators, use_full_matrices, B_old=None, C_old=None, config=None):
                    path = os.environ.get("FAKE_YUMA_RECORD")
                    if path and not os.path.exists(path):
                        with open(path, "w") as f:
                            json.dump({"shape": list(W.shape), "dtype": str(W.dtype), "num_servers": num_servers,
                                       "num_validators": num_validators, "use_full_matrices": use_full_matrices,
                                       "kappa": config.simulation.kappa, "bond_penalty": config.simulation.bond_penalty,
                                       "bond_moving_avg": config.yuma_params.bond_moving_avg,
                                       "liquid_alpha": config.yuma_params.liquid_alpha,
                                       "w_sum": float(W.double().sum()), "w_min": float(W.min()),
                                       "s_sum": float(S.double().sum()), "b_sum": float(B_old.double().sum())}, f)
                    return {"validator_bonds": B_old}
                """);
        return src;
    }

    private static boolean pythonHasTorch() {
        return torchVersion() != null;
    }

    private static String torchVersion() {
        if (!Files.isExecutable(Path.of(ReferenceYuma.DEFAULT_PYTHON))) {
            return null;
        }
        try {
            Process p = new ProcessBuilder(ReferenceYuma.DEFAULT_PYTHON, "-c", "import torch; print(torch.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (Exception e) {
            return null;
        }
    }
}
