package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.CostPreview;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.ExperimentResults;
import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.experiment.InvalidExperimentException;
import io.incentivelab.experiment.MetricStats;
import io.incentivelab.experiment.PointSummary;
import io.incentivelab.experiment.SensitivityAnalysis;
import io.incentivelab.experiment.SpecProblem;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.Simulator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a notebook's experiment cells on the experiments service. It turns a cell (and the scenario cells it
 * names) into an experiment spec, starts it on the service's executor, and when the experiment ends — whether
 * or not a browser is still watching — stores its per-point results as the cell's {@link ExperimentOutput}.
 * Progress is the experiment service's; this class keeps no job state of its own beyond the completion hooks.
 */
@Service
public class NotebookRuns {

    private static final Logger log = LoggerFactory.getLogger(NotebookRuns.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ExperimentService experiments;
    private final NotebookService notebooks;
    /** Experiments whose completion hook is registered (so a second one is not). */
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    NotebookRuns(ExperimentService experiments, NotebookService notebooks) {
        this.experiments = experiments;
        this.notebooks = notebooks;
    }

    /** The experiment spec (JSON) a cell stands for; scenarios are inlined from their cells. */
    public static ObjectNode spec(NotebookDocument document, ExperimentCell cell) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode spec = f.objectNode();
        spec.put("schemaVersion", 1);
        spec.put("name", cell.label().isBlank() ? document.title() : cell.label());
        ArrayNode scenarios = spec.putArray("scenarios");
        Set<String> labels = new LinkedHashSet<>();
        for (String id : cell.scenarioCellIds()) {
            document.cell(id).filter(ScenarioCell.class::isInstance).map(ScenarioCell.class::cast).ifPresent(sc -> {
                String label = sc.displayName();
                int n = 2;
                while (!labels.add(label)) {
                    label = sc.displayName() + " (" + n++ + ")";
                }
                ObjectNode entry = scenarios.addObject();
                entry.put("label", label);
                entry.set("scenario", fullForm(sc.scenario()));
            });
        }
        if (cell.sensitivity()) {
            // a sensitivity study: the axes are its parameters, each over [From, To]
            ObjectNode st = spec.putObject("sensitivity");
            st.put("method", cell.combine());
            st.put("metric", cell.metric());
            st.put("samples", cell.samples());
            ArrayNode params = st.putArray("parameters");
            for (SweepAxis a : cell.axes()) {
                ObjectNode p = params.addObject();
                p.put("path", a.path());
                if (a.from() != null) {
                    p.put("from", a.from());
                }
                if (a.to() != null) {
                    p.put("to", a.to());
                }
                if (a.integer()) {
                    p.put("integer", true);
                }
            }
            spec.put("replicates", cell.replicates());
            spec.put("baseSeed", cell.seed());
            return spec;
        }
        ObjectNode sweep = spec.putObject("sweep");
        sweep.put("combine", cell.combine());
        ArrayNode axes = sweep.putArray("axes");
        for (SweepAxis a : cell.axes()) {
            ObjectNode ax = axes.addObject();
            ax.put("path", a.path());
            ax.put("kind", a.kind());
            if (a.kind().equals("LIST")) {
                ArrayNode vs = ax.putArray("values");
                a.values().forEach(vs::add);
            } else {
                if (a.from() != null) {
                    ax.put("from", a.from());
                }
                if (a.to() != null) {
                    ax.put("to", a.to());
                }
                if (a.count() != null) {
                    ax.put(a.kind().equals("RANGE") ? "steps" : "n", a.count());
                }
                ax.put("integer", a.integer());
            }
        }
        spec.put("replicates", cell.replicates());
        spec.put("baseSeed", cell.seed());
        return spec;
    }

    /**
     * The indices of a sensitivity cell's results (issue 19), from each point's mean of the cell's metric.
     *
     * @throws InvalidExperimentException if the cell does not make a valid sensitivity study
     */
    public SensitivityAnalysis.Result sensitivity(NotebookDocument document, ExperimentCell cell, ExperimentOutput output) {
        ExperimentPlan plan = plan(document, cell);
        List<Map<String, Double>> means = new ArrayList<>();
        for (ExperimentOutput.PointResult p : output.points()) {
            Map<String, Double> m = new LinkedHashMap<>();
            p.metrics().forEach((k, v) -> m.put(k, v == null || v.n() == 0 ? Double.NaN : v.mean()));
            means.add(m);
        }
        return SensitivityAnalysis.analyse(plan.spec(), means);
    }

    /**
     * The scenario with every default written out (so a sweep may set any field by its path), or as it is if
     * it does not read (the experiment's check then reports its problems).
     */
    static ObjectNode fullForm(ObjectNode scenario) {
        try {
            return ScenarioCodec.toJsonNode(ScenarioCodec.parse(scenario));
        } catch (IllegalArgumentException e) {
            return scenario;
        }
    }

    /**
     * Checks a cell against the engine and the experiment limits.
     *
     * @return the problems, each with a path readable in the notebook; empty if the cell can run
     */
    public List<NotebookProblem> check(NotebookDocument document, ExperimentCell cell) {
        try {
            plan(document, cell);
            return List.of();
        } catch (InvalidExperimentException e) {
            return e.problems().stream().map(p -> readable(document, cell, p)).toList();
        }
    }

    /** The cost of running the cell (runs, estimated time on this machine); throws if it cannot run. */
    public CostPreview preview(NotebookDocument document, ExperimentCell cell) {
        return experiments.preview(plan(document, cell));
    }

    /**
     * Starts the cell's experiment on the experiments service (never on the caller's thread) and arranges for
     * its results to be stored as the cell's output when it ends. The caller records the returned id in the
     * cell ({@link ExperimentCell#withLastExperimentId}) and saves the document.
     *
     * @throws InvalidExperimentException if the cell cannot run
     * @throws NotebookNotFoundException if the owner key may not edit the notebook
     */
    public ExperimentProgress start(String notebookId, OwnerKey owner, NotebookDocument document, ExperimentCell cell) {
        if (notebooks.find(notebookId, owner).isEmpty()) {
            throw new NotebookNotFoundException(notebookId);
        }
        ExperimentProgress started = experiments.start(plan(document, cell),
                new io.incentivelab.experiment.ExperimentOrigin(notebookId, cell.id()));
        watch(notebookId, cell.id(), started.id());
        return started;
    }

    /** Asks the cell's running experiment to stop; its finished runs are kept and summarised. */
    public Optional<ExperimentProgress> cancel(String experimentId) {
        return experiments.cancel(experimentId);
    }

    /** The output an experiment has now (all its results once it ended), not stored. */
    public Optional<ExperimentOutput> output(String experimentId) {
        return experiments.results(experimentId).map(NotebookRuns::output);
    }

    /** The current state of an experiment. */
    public Optional<ExperimentProgress> status(String experimentId) {
        return experiments.status(experimentId);
    }

    /**
     * Listens to an experiment's progress (called at once, then on changes, on an executor thread).
     *
     * @return the handle that removes the listener
     */
    public Runnable subscribe(String experimentId, Consumer<ExperimentProgress> listener) {
        return experiments.subscribe(experimentId, listener).orElse(() -> {
        });
    }

    /**
     * Makes sure the cell's last experiment will have its output stored: after a restart, or when the app
     * stopped before the hook ran. Cheap when the stored output is already that experiment's.
     */
    public void ensureOutput(String notebookId, ExperimentCell cell, CellOutput stored) {
        String id = cell.lastExperimentId();
        if (id == null || (stored instanceof ExperimentOutput o && id.equals(o.experimentId()))) {
            return;
        }
        watch(notebookId, cell.id(), id);
    }

    private void watch(String notebookId, String cellId, String experimentId) {
        if (!watched.add(experimentId)) {
            return;
        }
        AtomicBoolean stored = new AtomicBoolean();
        Runnable[] handle = new Runnable[1];
        Optional<Runnable> sub = experiments.subscribe(experimentId, p -> {
            if (p.status().terminal() && stored.compareAndSet(false, true)) {
                store(notebookId, cellId, experimentId);
                watched.remove(experimentId);
                if (handle[0] != null) {
                    handle[0].run();
                }
            }
        });
        if (sub.isEmpty()) {
            watched.remove(experimentId);
            return;
        }
        handle[0] = sub.get();
        if (stored.get()) {
            handle[0].run();
        }
    }

    private void store(String notebookId, String cellId, String experimentId) {
        try {
            if (experiments.supersededInItsCell(experimentId)) {
                // the cell was re-run while this one still ran: the newer experiment's output is the cell's, even
                // when this older one ends last
                log.info("experiment {} ended after a re-run of cell {} started; its output is not stored", experimentId,
                        cellId);
                return;
            }
            experiments.results(experimentId).ifPresent(r -> notebooks.putRunOutput(notebookId, cellId, output(r)));
        } catch (NotebookNotFoundException e) {
            log.info("notebook {} was deleted before experiment {} ended; its results stay with the experiment",
                    notebookId, experimentId);
        } catch (RuntimeException e) {
            log.error("could not store the results of experiment {} in notebook {}", experimentId, notebookId, e);
        }
    }

    /** The output of an ended experiment: per point, each metric's mean and 95% CI. */
    static ExperimentOutput output(ExperimentResults r) {
        Set<String> metrics = new LinkedHashSet<>();
        List<ExperimentOutput.PointResult> points = new ArrayList<>();
        for (PointSummary p : r.points()) {
            Map<String, String> params = new LinkedHashMap<>();
            p.point().assignments().forEach((path, v) -> params.put(path, v.isTextual() ? v.textValue() : v.toString()));
            Map<String, ExperimentOutput.MetricSummary> ms = new LinkedHashMap<>();
            for (Map.Entry<String, MetricStats> e : p.metrics().entrySet()) {
                MetricStats s = e.getValue();
                metrics.add(e.getKey());
                ms.put(e.getKey(), new ExperimentOutput.MetricSummary(s.n(), s.mean(), s.ci95Low(), s.ci95High()));
            }
            points.add(new ExperimentOutput.PointResult(p.point().scenarioLabel(), params, p.runs(), p.succeeded(), ms));
        }
        ExperimentProgress s = r.status();
        return new ExperimentOutput(s.id(), s.status().name(), s.message(), hash(r.plan().spec()),
                Simulator.ENGINE_VERSION, s.total(), s.done(), s.failed(), Instant.now(), List.copyOf(metrics), points);
    }

    private ExperimentPlan plan(NotebookDocument document, ExperimentCell cell) {
        if (cell.scenarioCellIds().isEmpty()) {
            throw new InvalidExperimentException(List.of(new SpecProblem("$.scenarios",
                    "choose at least one scenario cell")));
        }
        return experiments.plan(spec(document, cell).toString());
    }

    static String hash(Object spec) {
        try {
            String text = MAPPER.writeValueAsString(spec);
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** A spec problem with its path rewritten into the notebook's terms (scenario label, axis number). */
    private static NotebookProblem readable(NotebookDocument document, ExperimentCell cell, SpecProblem p) {
        String path = p.path();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\$\\.scenarios\\[(\\d+)\\](?:\\.scenario)?(.*)$")
                .matcher(path);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            String name = i < cell.scenarioCellIds().size()
                    ? document.cell(cell.scenarioCellIds().get(i)).map(c -> c instanceof ScenarioCell s ? s.displayName() : c.id())
                            .orElse("#" + (i + 1))
                    : "#" + (i + 1);
            return new NotebookProblem("scenario \"" + name + "\" $" + m.group(2), p.message());
        }
        return new NotebookProblem(path.replace("$.sweep.axes", "axes").replace("$.baseSeed", "seed")
                .replace("$.replicates", "replicates"), p.message());
    }
}
