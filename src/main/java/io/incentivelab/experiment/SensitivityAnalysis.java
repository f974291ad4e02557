package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.incentivelab.experiment.Sensitivity.Method;
import io.incentivelab.simulation.sensitivity.Index;
import io.incentivelab.simulation.sensitivity.Morris;
import io.incentivelab.simulation.sensitivity.MorrisIndices;
import io.incentivelab.simulation.sensitivity.Ranges;
import io.incentivelab.simulation.sensitivity.Saltelli;
import io.incentivelab.simulation.sensitivity.SobolIndices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The design and the analysis of a sensitivity experiment ({@link Sensitivity}): the design's rows are the
 * experiment's points (per scenario), and the indices come from each point's mean of the chosen metric over its
 * replicates. Designs are deterministic: Saltelli's from the Sobol sequence, Morris's from the base seed.
 */
public final class SensitivityAnalysis {

    private SensitivityAnalysis() {
    }

    /** One parameter's indices: Sobol first-order and total (SALTELLI) or μ*, μ, σ (MORRIS), each with its CI. */
    public record ParameterIndices(String path, Index first, Index total, Index muStar, Index mu, Index sigma) {
    }

    /**
     * The indices of one scenario, parameters ranked by total index (SALTELLI) or μ* (MORRIS), largest first.
     *
     * @param variance the variance of the metric over the design (SALTELLI), NaN for MORRIS
     * @param points   design points used, and how many of them had no value of the metric
     */
    public record ScenarioIndices(String scenario, List<ParameterIndices> parameters, double variance, int points,
            int missing) {
    }

    /** The result: per scenario, or why there are no indices (the metric is unknown, runs are missing). */
    public record Result(Method method, String metric, int samples, double confidence, List<ScenarioIndices> scenarios,
            String problem) {
    }

    private static Ranges ranges(Sensitivity s) {
        int k = s.parameters().size();
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int i = 0; i < k; i++) {
            lo[i] = s.parameters().get(i).from();
            hi[i] = s.parameters().get(i).to();
        }
        return new Ranges(lo, hi);
    }

    private static long morrisSeed(ExperimentSpec spec) {
        return RunSeeds.forStream(spec.baseSeed(), "morris", 0);
    }

    /** The design's rows (unit-cube points scaled onto the ranges), in the analysis's order. */
    static double[][] design(ExperimentSpec spec) {
        Sensitivity s = spec.sensitivity();
        return s.method() == Method.SALTELLI ? Saltelli.design(ranges(s), s.samples())
                : Morris.design(ranges(s), s.samples(), s.levels(), morrisSeed(spec)).rows();
    }

    /** The design as the plan's zipped axis values: column k of the rows, rounded where a parameter is whole. */
    static List<List<JsonNode>> designColumns(ExperimentSpec spec) {
        double[][] rows = design(spec);
        List<List<JsonNode>> cols = new ArrayList<>();
        List<Sensitivity.Parameter> params = spec.sensitivity().parameters();
        for (int k = 0; k < params.size(); k++) {
            List<JsonNode> col = new ArrayList<>(rows.length);
            for (double[] row : rows) {
                col.add(ExperimentPlan.number(row[k], params.get(k).integer()));
            }
            cols.add(List.copyOf(col));
        }
        return List.copyOf(cols);
    }

    /**
     * Analyses the aggregated results of a sensitivity experiment. A point without a value of the metric (its runs
     * failed, or the experiment is still running) makes the scenario's indices unavailable, said in
     * {@link Result#problem()}.
     */
    public static Result analyse(ExperimentPlan plan, List<PointSummary> points) {
        List<Map<String, Double>> means = new ArrayList<>();
        for (PointSummary p : points) {
            Map<String, Double> m = new LinkedHashMap<>();
            p.metrics().forEach((k, v) -> m.put(k, v.n() == 0 ? Double.NaN : v.mean()));
            means.add(m);
        }
        return analyse(plan.spec(), means);
    }

    /**
     * As {@link #analyse(ExperimentPlan, List)} from each point's mean per metric (in point order; NaN or absent
     * where the point has no value), e.g. a notebook's stored output.
     */
    public static Result analyse(ExperimentSpec spec, List<Map<String, Double>> pointMeans) {
        Sensitivity s = spec.sensitivity();
        if (s == null) {
            throw new IllegalArgumentException("not a sensitivity experiment");
        }
        int rows = (int) s.rows();
        TreeSet<String> known = new TreeSet<>();
        pointMeans.forEach(p -> known.addAll(p.keySet()));
        if (!known.isEmpty() && !known.contains(s.metric())) {
            return new Result(s.method(), s.metric(), s.samples(), s.confidence(), List.of(),
                    "$.sensitivity.metric: the results have no metric '" + s.metric() + "'; known metrics include "
                            + known.stream().filter(k -> !k.contains(".final.")).limit(12).toList());
        }
        List<ScenarioIndices> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int sc = 0; sc < spec.scenarios().size(); sc++) {
            double[] y = new double[rows];
            int missing = 0;
            for (int r = 0; r < rows; r++) {
                int index = sc * rows + r;
                Double m = index < pointMeans.size() ? pointMeans.get(index).get(s.metric()) : null;
                if (m == null || !Double.isFinite(m)) {
                    missing++;
                } else {
                    y[r] = m;
                }
            }
            String label = spec.scenarios().get(sc).label();
            if (missing > 0) {
                problems.add("scenario '" + label + "': " + missing + " of " + rows
                        + " design points have no value of the metric yet (runs failed or not finished)");
                continue;
            }
            out.add(indices(spec, label, y));
        }
        return new Result(s.method(), s.metric(), s.samples(), s.confidence(), List.copyOf(out),
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** The indices of one scenario from its design outputs (in design order). */
    static ScenarioIndices indices(ExperimentSpec spec, String label, double[] y) {
        Sensitivity s = spec.sensitivity();
        int k = s.parameters().size();
        long seed = RunSeeds.forStream(spec.baseSeed(), "bootstrap", label.hashCode());
        List<ParameterIndices> params = new ArrayList<>();
        double variance = Double.NaN;
        if (s.method() == Method.SALTELLI) {
            SobolIndices ix = Saltelli.analyse(k, s.samples(), y, s.resamples(), seed, s.confidence());
            variance = ix.variance();
            for (int i = 0; i < k; i++) {
                params.add(new ParameterIndices(s.parameters().get(i).path(), ix.first().get(i), ix.total().get(i),
                        null, null, null));
            }
            params.sort((a, b) -> Double.compare(b.total().estimate(), a.total().estimate()));
        } else {
            Morris.Design d = Morris.design(ranges(s), s.samples(), s.levels(), morrisSeed(spec));
            MorrisIndices ix = Morris.analyse(d, y, s.resamples(), seed, s.confidence());
            for (int i = 0; i < k; i++) {
                params.add(new ParameterIndices(s.parameters().get(i).path(), null, null, ix.muStar().get(i),
                        ix.mu().get(i), ix.sigma().get(i)));
            }
            params.sort((a, b) -> Double.compare(b.muStar().estimate(), a.muStar().estimate()));
        }
        return new ScenarioIndices(label, List.copyOf(params), variance, y.length, 0);
    }

    /** The result as plain maps and lists, for JSON. */
    public static Map<String, Object> toMap(Result r) {
        List<Object> scenarios = new ArrayList<>();
        for (ScenarioIndices s : r.scenarios()) {
            List<Object> ps = new ArrayList<>();
            for (ParameterIndices p : s.parameters()) {
                LinkedHashMap<String, Object> m = new LinkedHashMap<>();
                m.put("path", p.path());
                if (p.first() != null) {
                    m.put("first", index(p.first()));
                    m.put("total", index(p.total()));
                } else {
                    m.put("muStar", index(p.muStar()));
                    m.put("mu", index(p.mu()));
                    m.put("sigma", index(p.sigma()));
                }
                ps.add(m);
            }
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", s.scenario());
            if (Double.isFinite(s.variance())) {
                m.put("variance", s.variance());
            }
            m.put("points", s.points());
            m.put("parameters", ps);
            scenarios.add(m);
        }
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        out.put("method", r.method().name());
        out.put("metric", r.metric());
        out.put("samples", r.samples());
        out.put("confidence", r.confidence());
        out.put("scenarios", scenarios);
        if (r.problem() != null) {
            out.put("problem", r.problem());
        }
        return out;
    }

    private static Map<String, Object> index(Index i) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", i.estimate());
        m.put("low", i.lower());
        m.put("high", i.upper());
        return m;
    }
}
