package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentSpec;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.SensitivityAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example notebook which-parameter-matters: its stored study ranks the parameters, the control at 0. */
class SensitivityExampleTest {

    @Test
    void theStoredStudyPutsTheUnusedAuditRateAtZeroAndRanksTheOthers() throws Exception {
        NotebookFile nb = NotebookCodec.readFile(Files.readString(Path.of("data/examples/which-parameter-matters.notebook.json")));
        ExperimentCell cell = (ExperimentCell) nb.document().cell("study").orElseThrow();
        assertThat(cell.sensitivity()).isTrue();
        ExperimentSpec spec = ExperimentSpecCodec.check(NotebookRuns.spec(nb.document(), cell), ExperimentLimits.DEFAULT, null);
        ExperimentOutput out = (ExperimentOutput) nb.outputs().get("study");
        List<Map<String, Double>> means = new ArrayList<>();
        for (ExperimentOutput.PointResult p : out.points()) {
            Map<String, Double> m = new LinkedHashMap<>();
            p.metrics().forEach((k, v) -> m.put(k, v.mean()));
            means.add(m);
        }
        SensitivityAnalysis.Result r = SensitivityAnalysis.analyse(spec, means);
        assertThat(r.problem()).isNull();
        List<SensitivityAnalysis.ParameterIndices> ranked = r.scenarios().get(0).parameters();
        assertThat(ranked).hasSize(4);
        SensitivityAnalysis.ParameterIndices last = ranked.get(3);
        assertThat(last.path()).isEqualTo("$.subnets[0].verification.auditRate");
        assertThat(last.total().estimate()).isZero();
        assertThat(ranked.get(0).total().estimate()).isGreaterThan(0.1);
        for (SensitivityAnalysis.ParameterIndices p : ranked) {
            System.out.printf("%s ST %.3f [%.3f, %.3f] S %.3f%n", p.path(), p.total().estimate(), p.total().lower(),
                    p.total().upper(), p.first().estimate());
        }
    }
}
