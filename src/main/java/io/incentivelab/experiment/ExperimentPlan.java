package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A validated spec expanded into sweep values: points and runs are computed on demand from their index, so a
 * large experiment costs no memory per point. Point order is scenario-major, then combination (for GRID the
 * first axis varies slowest); run order is point-major, then replicate.
 */
public final class ExperimentPlan {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_SCENARIO_PROBLEMS = 20;

    private final ExperimentSpec spec;
    private final List<JsonPath> paths;
    private final List<List<JsonNode>> axisValues;
    private final int combinations;
    /** The engine that reads the points' scenarios; null for a plan checked with a validator only. */
    private final RunEngine engine;
    /**
     * Each point's scenario as the engine read it, kept softly (so a big sweep of big scenarios never runs out of
     * memory for it: a point whose reading was collected is read again) and dropped once its runs are handed out.
     */
    private final AtomicReferenceArray<SoftReference<RunEngine.PreparedScenario>> prepared;

    private ExperimentPlan(ExperimentSpec spec, RunEngine engine) {
        this.spec = spec;
        this.paths = spec.axes().stream().map(a -> JsonPath.parse(a.path())).toList();
        this.axisValues = sample(spec);
        this.combinations = combinations(spec);
        this.engine = engine;
        this.prepared = engine == null ? null : new AtomicReferenceArray<>(points());
    }

    /**
     * Expands a spec and checks every point's scenario with the engine's validator.
     *
     * @throws InvalidExperimentException listing paths that do not exist and scenarios the engine rejects
     */
    public static ExperimentPlan of(ExperimentSpec spec, ScenarioCheck validator) {
        checkScenarios(spec, validator);
        return new ExperimentPlan(spec, null).checkPoints(
                p -> null, scenario -> new RunEngine.Checked(null, validator.validate(scenario)));
    }

    /**
     * Expands a spec whose scenarios were checked (their problems reported with the spec's, e.g. by
     * {@link ExperimentSpecCodec#parse(String, ExperimentLimits, ScenarioCheck)} with {@code bases} as the check) and
     * reads every point's scenario once with the engine; the cost preview and the runs use what was read
     * ({@link #prepared}). A point without axis values is its scenario, read by {@code bases} already.
     *
     * @throws InvalidExperimentException listing axis paths that do not exist and points the engine rejects
     */
    static ExperimentPlan of(ExperimentSpec spec, RunEngine engine, PreparedBases bases) {
        if (bases == null) {
            bases = new PreparedBases(engine);
            checkScenarios(spec, bases);
        }
        PreparedBases read = bases;
        ExperimentPlan plan = new ExperimentPlan(spec, engine);
        return plan.checkPoints(
                p -> spec.axes().isEmpty() ? read.checked(spec.scenarios().get(plan.point(p).scenarioIndex()).scenario()) : null,
                engine::check);
    }

    /** Checks each scenario of the spec as written (before any axis is applied). */
    private static void checkScenarios(ExperimentSpec spec, ScenarioCheck check) {
        List<SpecProblem> problems = new ArrayList<>();
        for (int s = 0; s < spec.scenarios().size() && problems.size() < MAX_SCENARIO_PROBLEMS; s++) {
            for (SpecProblem p : check.validate(spec.scenarios().get(s).scenario())) {
                problems.add(new SpecProblem(SpecLocation.inScenario(s, p.path()), p.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
    }

    /**
     * Checks every point's scenario: {@code reuse} gives what an earlier check of the point's scenario found
     * (null to check it here with {@code check}); what was read is kept for the runs ({@link #prepared}).
     * Each problem is listed once per scenario, however many points repeat it.
     */
    private ExperimentPlan checkPoints(IntFunction<RunEngine.Checked> reuse, Function<JsonNode, RunEngine.Checked> check) {
        List<SpecProblem> problems = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int p = 0; p < points() && problems.size() < MAX_SCENARIO_PROBLEMS; p++) {
            ExperimentPoint point = point(p);
            RunEngine.Checked checked = reuse.apply(p);
            if (checked == null) {
                JsonNode scenario;
                try {
                    scenario = scenario(p);
                } catch (IllegalArgumentException e) {
                    if (seen.add(point.scenarioIndex() + e.getMessage())) {
                        problems.add(new SpecProblem(SpecLocation.sweep("axes"), "scenario '" + point.scenarioLabel() + "': "
                                + e.getMessage()));
                    }
                    continue;
                }
                checked = check.apply(scenario);
            }
            for (SpecProblem sp : checked.problems()) {
                if (seen.add(point.scenarioIndex() + sp.path() + sp.message())) {
                    problems.add(new SpecProblem(SpecLocation.sweep(null), "point " + p + " (scenario '" + point.scenarioLabel()
                            + "', " + point.assignments() + "): " + sp.path() + ": " + sp.message()));
                }
            }
            if (checked.prepared() != null) {
                prepared.set(p, new SoftReference<>(checked.prepared()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
        return this;
    }

    /**
     * Expands a spec and reads every point's scenario once with the engine (the cost preview and the runs use
     * what was read, {@link #prepared}).
     *
     * @throws InvalidExperimentException listing scenarios the engine rejects, paths that do not exist and points
     *                                    the engine rejects
     */
    public static ExperimentPlan of(ExperimentSpec spec, RunEngine engine) {
        return of(spec, engine, null);
    }

    /**
     * Reads an experiment file (JSON text) and checks it against the limits and the engine, reading each scenario
     * and each point's scenario once (as {@link ExperimentService#plan(String)} does).
     *
     * @throws InvalidExperimentException with every problem and its path
     */
    public static ExperimentPlan read(String specJson, ExperimentLimits limits, RunEngine engine) {
        PreparedBases bases = new PreparedBases(engine);
        return of(ExperimentSpecCodec.parse(specJson, limits, bases), engine, bases);
    }

    /** The plan of a spec already checked (e.g. one read back from the store). */
    static ExperimentPlan trusted(ExperimentSpec spec) {
        return new ExperimentPlan(spec, null);
    }

    /** As {@link #trusted(ExperimentSpec)}, reading each point's scenario with {@code engine} at most once while it runs. */
    static ExperimentPlan trusted(ExperimentSpec spec, RunEngine engine) {
        return new ExperimentPlan(spec, engine);
    }

    /**
     * The point's scenario, read by the engine: the plan's own reading when it has an engine (read now if it was
     * not yet, or was collected), else read now by {@code fallback}.
     *
     * @throws IllegalArgumentException if the engine cannot read it
     */
    public RunEngine.PreparedScenario prepared(int pointIndex, RunEngine fallback) {
        if (engine == null) {
            return fallback.prepare(scenario(pointIndex));
        }
        SoftReference<RunEngine.PreparedScenario> ref = prepared.get(pointIndex);
        RunEngine.PreparedScenario p = ref == null ? null : ref.get();
        if (p == null) {
            p = engine.prepare(scenario(pointIndex));
            prepared.set(pointIndex, new SoftReference<>(p));
        }
        return p;
    }

    /** Whether the plan reads its points' scenarios itself ({@link #prepared}). */
    boolean readsScenarios() {
        return engine != null;
    }

    /** Forgets the point's reading (its runs are handed out); a later {@link #prepared} reads it again. */
    void release(int pointIndex) {
        if (engine != null) {
            prepared.set(pointIndex, null);
        }
    }

    public ExperimentSpec spec() {
        return spec;
    }

    public int points() {
        return spec.scenarios().size() * combinations;
    }

    public int runs() {
        return points() * spec.replicates();
    }

    /** The values of each axis, in axis order. */
    public List<List<JsonNode>> axisValues() {
        return axisValues;
    }

    public ExperimentPoint point(int pointIndex) {
        int s = pointIndex / combinations;
        int combination = pointIndex % combinations;
        Map<String, JsonNode> assignments = new LinkedHashMap<>();
        int[] idx = valueIndexes(combination);
        for (int k = 0; k < idx.length; k++) {
            assignments.put(spec.axes().get(k).path(), axisValues.get(k).get(idx[k]));
        }
        return new ExperimentPoint(pointIndex, s, spec.scenarios().get(s).label(), assignments);
    }

    /** A fresh copy of the point's scenario with its axis values set. */
    public JsonNode scenario(int pointIndex) {
        ExperimentPoint point = point(pointIndex);
        JsonNode copy = spec.scenarios().get(point.scenarioIndex()).scenario().deepCopy();
        int k = 0;
        for (JsonNode value : point.assignments().values()) {
            paths.get(k++).set(copy, value.deepCopy());
        }
        return copy;
    }

    public RunRef run(int runIndex) {
        int r = spec.replicates();
        int p = runIndex / r;
        int rep = runIndex % r;
        // a sensitivity study uses common random numbers: replicate r of every design point has the same seed, so
        // two points differ only by their parameters and a parameter the model ignores changes nothing
        int seedPoint = spec.sensitivity() != null ? 0 : p;
        return new RunRef(runIndex, p, rep, RunSeeds.forRun(spec.baseSeed(), seedPoint, rep));
    }

    private int[] valueIndexes(int combination) {
        int n = spec.axes().size();
        int[] idx = new int[n];
        if (spec.combine() == Combine.ZIP) {
            Arrays.fill(idx, combination);
            return idx;
        }
        int rest = combination;
        for (int k = n - 1; k >= 0; k--) {
            int size = axisValues.get(k).size();
            idx[k] = rest % size;
            rest /= size;
        }
        return idx;
    }

    static int axisSize(Axis a) {
        return a.kind() == AxisKind.LIST ? a.values().size() : a.count();
    }

    static int combinations(ExperimentSpec spec) {
        if (spec.axes().isEmpty()) {
            return 1;
        }
        if (spec.combine() == Combine.ZIP) {
            return axisSize(spec.axes().get(0));
        }
        long c = 1;
        for (Axis a : spec.axes()) {
            c = Math.min(c * axisSize(a), Integer.MAX_VALUE);
        }
        return (int) c;
    }

    /**
     * The values of every axis. Random kinds draw from a Well19937c stream seeded from the base seed and the
     * axis index ({@link RunSeeds#forStream}); Sobol axes share one Sobol sequence whose dimension d is the axis's
     * rank among the Sobol axes, so zipped Sobol axes form a joint low-discrepancy design.
     */
    private static List<List<JsonNode>> sample(ExperimentSpec spec) {
        if (spec.sensitivity() != null) {
            return SensitivityAnalysis.designColumns(spec);
        }
        int sobolDims = (int) spec.axes().stream().filter(a -> a.kind() == AxisKind.SOBOL).count();
        int sobolRank = 0;
        List<List<JsonNode>> all = new ArrayList<>();
        for (int k = 0; k < spec.axes().size(); k++) {
            Axis a = spec.axes().get(k);
            List<JsonNode> values = new ArrayList<>();
            switch (a.kind()) {
                case LIST -> values.addAll(a.values());
                case RANGE -> {
                    int steps = a.count();
                    for (int i = 0; i < steps; i++) {
                        double x = i == steps - 1 ? a.to() : a.from() + i * (a.to() - a.from()) / (steps - 1);
                        values.add(number(x, a.integer()));
                    }
                }
                case UNIFORM -> {
                    RandomGenerator rng = new Well19937c(RunSeeds.forStream(spec.baseSeed(), "axis", k));
                    for (int i = 0; i < a.count(); i++) {
                        values.add(number(a.from() + rng.nextDouble() * (a.to() - a.from()), a.integer()));
                    }
                }
                case LATIN_HYPERCUBE -> {
                    RandomGenerator rng = new Well19937c(RunSeeds.forStream(spec.baseSeed(), "axis", k));
                    int n = a.count();
                    int[] strata = new int[n];
                    for (int i = 0; i < n; i++) {
                        strata[i] = i;
                    }
                    for (int i = n - 1; i > 0; i--) {
                        int j = rng.nextInt(i + 1);
                        int t = strata[i];
                        strata[i] = strata[j];
                        strata[j] = t;
                    }
                    for (int i = 0; i < n; i++) {
                        double u = (strata[i] + rng.nextDouble()) / n;
                        values.add(number(a.from() + u * (a.to() - a.from()), a.integer()));
                    }
                }
                case SOBOL -> {
                    SobolSequenceGenerator sobol = new SobolSequenceGenerator(sobolDims);
                    sobol.nextVector(); // the first point is the origin
                    for (int i = 0; i < a.count(); i++) {
                        double u = sobol.nextVector()[sobolRank];
                        values.add(number(a.from() + u * (a.to() - a.from()), a.integer()));
                    }
                    sobolRank++;
                }
            }
            all.add(List.copyOf(values));
        }
        return List.copyOf(all);
    }

    static JsonNode number(double x, boolean integer) {
        return integer ? NODES.numberNode(Math.round(x)) : NODES.numberNode(x);
    }
}
