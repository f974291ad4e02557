package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Executes one task's runs in order against an engine; shared by every executor so failure isolation and
 * cancellation behave the same locally and on a cluster. A run that throws becomes a FAILED result and the
 * next run goes on; a run stopped by cancellation leaves no result (it stays PENDING and runs on resume).
 */
public final class RunTaskExecution {

    private RunTaskExecution() {
    }

    public static void execute(RunTask task, RunEngine engine, int seriesPoints, BooleanSupplier cancelled,
            Consumer<RunReport> sink) {
        RunEngine.PreparedScenario prepared;
        try {
            if (task.local() != null && task.local().scenario() != null) {
                prepared = task.local().scenario();
            } else {
                JsonNode scenario = ExperimentSpecCodec.MAPPER.readTree(task.scenarioJson());
                prepared = engine.prepare(scenario);
            }
        } catch (Exception e) {
            for (RunRef run : task.runs()) {
                sink.accept(RunReport.failed(task.experimentId(), run, e, engine.version(), 0));
            }
            return;
        }
        for (RunRef run : task.runs()) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            long t0 = System.nanoTime();
            RunReport result;
            try {
                RunOutcome outcome = prepared.run(run.seed(), cancelled);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                result = RunReport.done(task.experimentId(), run, outcome, outcome.series().downsample(seriesPoints).encode(), millis);
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                result = RunReport.failed(task.experimentId(), run, e, engine.version(), (System.nanoTime() - t0) / 1_000_000);
            }
            if (cancelled.getAsBoolean()) {
                return;
            }
            sink.accept(result);
        }
    }
}
