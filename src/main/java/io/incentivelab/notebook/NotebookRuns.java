package io.incentivelab.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.CostPreview;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.ExperimentResults;
import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.experiment.ExperimentSpec;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.ScenarioEntry;
import io.incentivelab.experiment.InvalidExperimentException;
import io.incentivelab.experiment.MetricStats;
import io.incentivelab.experiment.PointSummary;
import io.incentivelab.experiment.Sensitivity;
import io.incentivelab.experiment.SensitivityAnalysis;
import io.incentivelab.experiment.SpecLocation;
import io.incentivelab.experiment.SpecProblem;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.Simulator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /**
     * The experiment a cell stands for, unchecked ({@link ExperimentService#plan(ExperimentSpec)} checks it): the
     * scenario cells it names in their full form, labelled by their names (a repeated name gets " (2)", …), and its
     * axes as the sweep's, or for SALTELLI and MORRIS as the sensitivity study's parameters.
     */
    public static ExperimentSpec spec(NotebookDocument document, ExperimentCell cell) {
        String name = cell.label().isBlank() ? document.title() : cell.label();
        List<ScenarioEntry> scenarios = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (ScenarioCell sc : scenarioCells(document, cell)) {
            String label = sc.displayName();
            int n = 2;
            while (!labels.add(label)) {
                label = sc.displayName() + " (" + n++ + ")";
            }
            scenarios.add(new ScenarioEntry(label, fullForm(sc.scenario())));
        }
        if (cell.sensitivity()) {
            // a sensitivity study: the axes are its parameters, each over [From, To]
            List<Sensitivity.Parameter> parameters = cell.axes().stream()
                    .map(a -> new Sensitivity.Parameter(a.path(), a.from(), a.to(), a.integer())).toList();
            Sensitivity study = new Sensitivity(cell.method(), cell.metric(), cell.samples(),
                    Sensitivity.DEFAULT_LEVELS, Sensitivity.DEFAULT_RESAMPLES, Sensitivity.DEFAULT_CONFIDENCE, parameters);
            return ExperimentSpec.sensitivity(name, null, scenarios, study, cell.replicates(), cell.seed());
        }
        // the cell keeps what its editor shows for every kind; the spec has what the axis's kind reads
        List<Axis> axes = cell.axes().stream().map(a -> a.kind() == AxisKind.LIST
                ? new Axis(a.path(), a.kind(), a.values(), null, null, null, false)
                : new Axis(a.path(), a.kind(), List.of(), a.from(), a.to(), a.count(), a.integer())).toList();
        return new ExperimentSpec(ExperimentSpec.SCHEMA_VERSION, name, null, scenarios, cell.combine(), axes,
                cell.replicates(), cell.seed());
    }

    /** The scenario cells an experiment cell names, in its order; ids of missing or other cells are skipped. */
    private static List<ScenarioCell> scenarioCells(NotebookDocument document, ExperimentCell cell) {
        return cell.scenarioCellIds().stream().map(document::cell).flatMap(Optional::stream)
                .filter(ScenarioCell.class::isInstance).map(ScenarioCell.class::cast).toList();
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
            return scenario.deepCopy();
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
                new CellOrigin(notebookId, cell.id()).tag());
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
            if (experiments.superseded(experimentId)) {
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
                Simulator.ENGINE_VERSION, s.total(), s.done(), s.failed(), r.finishedAt(), List.copyOf(metrics), points);
    }

    private ExperimentPlan plan(NotebookDocument document, ExperimentCell cell) {
        if (cell.scenarioCellIds().isEmpty()) {
            throw new InvalidExperimentException(List.of(new SpecProblem(SpecLocation.spec("scenarios"),
                    "choose at least one scenario cell")));
        }
        return experiments.plan(spec(document, cell));
    }

    static String hash(Object spec) {
        try {
            String text = MAPPER.writeValueAsString(spec);
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            return null;
        }
    }

    /** A spec problem in the notebook's terms: the scenario cell's name, the axis number, replicates and seed. */
    static NotebookProblem readable(NotebookDocument document, ExperimentCell cell, SpecProblem p) {
        SpecLocation at = p.at();
        String field = at.field() == null ? "" : "." + at.field();
        String path = switch (at.part()) {
            case SCENARIO -> {
                List<ScenarioCell> cells = scenarioCells(document, cell);
                String name = at.index() < cells.size() ? cells.get(at.index()).displayName() : "#" + (at.index() + 1);
                String inside = !"scenario".equals(at.field()) ? field
                        : at.detail() == null ? "" : at.detail().substring(at.detail().startsWith("$") ? 1 : 0);
                yield "scenario \"" + name + "\" $" + inside;
            }
            case AXIS -> "axes[" + at.index() + "]" + field + (at.valueIndex() < 0 ? "" : "[" + at.valueIndex() + "]");
            case SWEEP -> "axes".equals(at.field()) ? "axes" : at.path();
            case SPEC -> "replicates".equals(at.field()) ? "replicates" : "baseSeed".equals(at.field()) ? "seed" : at.path();
            default -> at.path();
        };
        return new NotebookProblem(path, p.message());
    }
}
