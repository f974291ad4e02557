package io.incentivelab.simulation.yuma;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one Yuma 3 epoch (new-subnet defaults) on the bench command's dense random inputs, fast and naive.
 * Not a unit test (surefire runs only *Test / *Properties). Run:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main YumaEpochBenchmark}
 * with cp.txt from {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class YumaEpochBenchmark {

    @Param({"64x256", "256x4096"})
    public String size;

    private YumaConsensus yuma;
    private YumaParams params;
    private YumaInputs inputs;
    private YumaWorkspace workspace;

    @Setup
    public void setUp() {
        String[] parts = size.split("x");
        int validators = Integer.parseInt(parts[0]);
        int n = Integer.parseInt(parts[1]);
        params = YumaParams.newSubnetDefaults().withMaxAllowedValidators(validators);
        inputs = SyntheticYumaInputs.dense(validators, n, 42);
        yuma = new YumaConsensus(params);
        workspace = new YumaWorkspace();
    }

    /** As the engine and the bench command run it: the bond rows go back to the workspace after the epoch. */
    @Benchmark
    public YumaResult fast() {
        YumaResult r = yuma.epoch(inputs, workspace);
        workspace.recycle(r.bonds());
        return r;
    }

    /** Every epoch allocates its bond rows (no {@link YumaWorkspace#recycle}). */
    @Benchmark
    public YumaResult fastFreshRows() {
        return yuma.epoch(inputs, workspace);
    }

    @Benchmark
    public YumaResult naive() {
        return NaiveYumaEpoch.run(params, inputs);
    }
}
