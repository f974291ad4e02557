package io.incentivelab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incentivelab.experiment.CostEstimator;
import io.incentivelab.experiment.CostPreview;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.ExperimentStatus;
import io.incentivelab.experiment.InvalidExperimentException;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.SensitivityAnalysis;
import io.incentivelab.experiment.SimulationEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code experiment EXPERIMENT.json [--out DIR] [--threads N]}: runs an experiment in memory on all cores (or N
 * threads) and writes {@code runs.csv}, {@code summary.csv} and {@code summary.json} to DIR (default
 * {@code ./experiment-out}). Progress goes to stderr; stdout gets only the output folder and a one-line result.
 */
final class ExperimentCommand implements Command {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "experiment";
    }

    @Override
    public String usage() {
        return "experiment EXPERIMENT.json [--out DIR] [--threads N]   run a sweep × replicates; writes runs.csv, summary.csv, summary.json";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        String file = null;
        Path dir = Path.of("experiment-out");
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--out" -> dir = Path.of(value(args, ++i, a));
                case "--threads" -> {
                    String v = value(args, ++i, a);
                    try {
                        threads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        threads = 0;
                    }
                    if (threads < 1 || threads > 1024) {
                        throw new UsageException("--threads must be a whole number from 1 to 1024, got " + v);
                    }
                }
                default -> {
                    if (a.startsWith("-") || file != null) {
                        throw new UsageException("unexpected argument " + a + "; usage: " + usage());
                    }
                    file = a;
                }
            }
        }
        if (file == null) {
            throw new UsageException("missing experiment file; usage: " + usage());
        }
        SimulationEngine engine = new SimulationEngine();
        ExperimentPlan plan;
        try {
            plan = ExperimentPlan.read(ScenarioFiles.read(file), ExperimentLimits.DEFAULT, engine);
        } catch (InvalidExperimentException e) {
            err.println("error: " + file + " is not a valid experiment:");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        }
        CostPreview cost = new CostEstimator(engine, LocalExperiment.SERIES_POINTS).preview(plan, threads);
        err.printf(Locale.ROOT, "experiment '%s': %d runs (%d points × %d replicates) on %d threads; estimated %s, %s%n",
                plan.spec().name(), cost.runs(), cost.points(), cost.replicates(), threads,
                cost.calibrated() ? duration(cost.estimatedSeconds()) : "time unknown", bytes(cost.estimatedBytes()));
        Progress progress = new Progress(err, System.console() != null);
        long t0 = System.nanoTime();
        LocalExperiment result = LocalExperiment.run(plan, engine, threads, cost.secondsPerRun(), job -> job.subscribe(progress::show));
        progress.finish();
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("runs.csv"), StandardCharsets.UTF_8)) {
            result.writeRunsCsv(w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("summary.csv"), StandardCharsets.UTF_8)) {
            result.writeSummaryCsv(w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("summary.json"), StandardCharsets.UTF_8)) {
            result.writeSummaryJson(w);
            w.write('\n');
        }
        ExperimentProgress end = result.end();
        if (plan.spec().sensitivity() != null) {
            SensitivityAnalysis.Result indices = SensitivityAnalysis.analyse(plan, result.points());
            try (Writer w = Files.newBufferedWriter(dir.resolve("sensitivity.json"), StandardCharsets.UTF_8)) {
                w.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(SensitivityAnalysis.toMap(indices)));
                w.write('\n');
            }
            printIndices(indices, out);
        }
        out.println(dir.toAbsolutePath().normalize());
        out.printf(Locale.ROOT, "%s: %d of %d runs done, %d failed, in %s%n", end.status(), end.done() - end.failed(),
                end.total(), end.failed(), duration((System.nanoTime() - t0) / 1e9));
        if (end.failed() > 0) {
            err.println("some runs failed; their errors are in runs.csv (column error)");
        }
        return end.status() == ExperimentStatus.COMPLETED ? 0 : 1;
    }

    /** The ranking of a sensitivity study, one line per parameter, largest first. */
    static void printIndices(SensitivityAnalysis.Result r, PrintStream out) {
        int pct = (int) Math.round(r.confidence() * 100);
        for (SensitivityAnalysis.ScenarioIndices s : r.scenarios()) {
            out.printf(Locale.ROOT, "sensitivity of %s in scenario '%s' (%s, %d%% CI):%n", r.metric(), s.scenario(),
                    r.method(), pct);
            for (SensitivityAnalysis.ParameterIndices p : s.parameters()) {
                if (p.total() != null) {
                    out.printf(Locale.ROOT, "  %-50s total %.3f [%.3f, %.3f]  first %.3f [%.3f, %.3f]%n", p.path(),
                            p.total().estimate(), p.total().lower(), p.total().upper(), p.first().estimate(),
                            p.first().lower(), p.first().upper());
                } else {
                    out.printf(Locale.ROOT, "  %-50s mu* %.4g [%.4g, %.4g]  sigma %.4g%n", p.path(), p.muStar().estimate(),
                            p.muStar().lower(), p.muStar().upper(), p.sigma().estimate());
                }
            }
        }
        if (r.problem() != null) {
            out.println("no indices: " + r.problem());
        }
    }

    /** One progress line, rewritten in place on a terminal, or a new line every 10% otherwise. */
    private static final class Progress {
        private final PrintStream err;
        private final boolean terminal;
        private int lastTenth = -1;

        Progress(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        synchronized void show(ExperimentProgress p) {
            String line = String.format(Locale.ROOT, "%d/%d runs, %d failed, %3.0f%%%s", p.done(), p.total(), p.failed(),
                    100 * p.fraction(), p.etaSeconds() == null ? "" : ", ETA " + duration(p.etaSeconds()));
            if (terminal) {
                err.print("\r" + line + "   ");
                err.flush();
            } else {
                int tenth = (int) (p.fraction() * 10);
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    err.println(line);
                }
            }
        }

        synchronized void finish() {
            if (terminal) {
                err.println();
            }
        }
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    static String bytes(long b) {
        return b < 10_000 ? b + " B" : b < 10_000_000 ? (b / 1000) + " kB" : (b / 1_000_000) + " MB";
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new UsageException(flag + " needs a value");
        }
        return args.get(i);
    }
}
