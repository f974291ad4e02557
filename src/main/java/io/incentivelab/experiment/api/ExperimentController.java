package io.incentivelab.experiment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.base.ApiDocsConfiguration;
import io.incentivelab.experiment.CostPreview;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.ExperimentProperties;
import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.experiment.InvalidExperimentException;
import io.incentivelab.experiment.MetricComparison;
import io.incentivelab.experiment.RunGroup;
import io.incentivelab.experiment.SensitivityAnalysis;
import io.incentivelab.experiment.SeriesBand;
import io.incentivelab.experiment.SpecProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The experiments API. The POST body is the same experiment file the CLI takes. Ids are random UUIDs that act
 * as capabilities: there is no listing, and any unknown or malformed id is a 404. Bad input is a 400 problem
 * with {@code errors: [{path, message}]}, never a 500.
 */
@RestController
@RequestMapping("/api/experiments")
@Tag(name = "Experiments", description = "Sweeps × replicates of scenarios, run on the server. Ids are random UUIDs"
        + " that act as capabilities: there is no listing.")
class ExperimentController {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ExperimentService service;
    private final ExperimentProperties properties;
    private final ObjectMapper mapper;

    ExperimentController(ExperimentService service, ExperimentProperties properties, ObjectMapper mapper) {
        this.service = service;
        this.properties = properties;
        this.mapper = mapper;
    }

    /** Starts an experiment: 202 with the status object and a Location header. */
    @PostMapping
    @Operation(summary = "Start an experiment", description = "Stores the experiment and queues its runs on the"
            + " server's executor; the answer comes at once.")
    @RequestBody(required = true, description = "An experiment file, at most"
            + " `lab.experiments.max-request-size` (2 MB).", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ExperimentApiSchemas.ExperimentFile.class)))
    @ApiResponse(responseCode = "202", description = "Queued.", headers = @Header(name = "Location",
            description = "`/api/experiments/{id}`", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExperimentApiSchemas.Status.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocsConfiguration.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocsConfiguration.TOO_LARGE)
    ResponseEntity<ObjectNode> create(@Parameter(hidden = true) HttpServletRequest request) throws IOException {
        ExperimentPlan plan = service.plan(body(request));
        ExperimentProgress started = service.start(plan);
        return ResponseEntity.accepted().location(URI.create("/api/experiments/" + started.id())).body(status(started));
    }

    /** The cost of an experiment file without starting it: 200 with runs, estimated seconds and bytes. */
    @PostMapping("/preview")
    @Operation(summary = "Preview an experiment's cost", description = "Runs, estimated wall time on this server"
            + " and storage of an experiment file; starts nothing.")
    @RequestBody(required = true, description = "An experiment file, at most"
            + " `lab.experiments.max-request-size` (2 MB).", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ExperimentApiSchemas.ExperimentFile.class)))
    @ApiResponse(responseCode = "200", description = "The estimate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExperimentApiSchemas.Preview.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocsConfiguration.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocsConfiguration.TOO_LARGE)
    ObjectNode preview(@Parameter(hidden = true) HttpServletRequest request) throws IOException {
        CostPreview c = service.preview(service.plan(body(request)));
        ObjectNode o = mapper.createObjectNode();
        o.put("points", c.points());
        o.put("replicates", c.replicates());
        o.put("runs", c.runs());
        o.put("threads", c.threads());
        number(o, "secondsPerRun", c.secondsPerRun());
        number(o, "estimatedSeconds", c.estimatedSeconds());
        o.put("bytesPerRun", c.bytesPerRun());
        o.put("estimatedBytes", c.estimatedBytes());
        return o;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An experiment's status")
    @ApiResponse(responseCode = "200", description = "The status.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExperimentApiSchemas.Status.class)))
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    ObjectNode get(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id) {
        return status(service.status(checked(id)).orElseThrow(NotFound::new));
    }

    /** Per-point statistics and (unless {@code runs=false}) every run. */
    @GetMapping("/{id}/results")
    @Operation(summary = "An experiment's results", description = "Per sweep point and metric: n, mean, sd, 95%"
            + " confidence interval and quantiles over the succeeded runs; then every run (seed, status, metrics).")
    @ApiResponse(responseCode = "200", description = "The results so far.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ExperimentApiSchemas.Results.class)))
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    void results(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id,
            @Parameter(description = "false: leave out the runs.") @RequestParam(defaultValue = "true") boolean runs,
            @Parameter(hidden = true) HttpServletResponse response)
            throws IOException {
        String key = existing(id);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer w = response.getWriter();
        service.writeResultsJson(key, runs, w);
        w.flush();
    }

    /** {@code summary.csv}: one row per point and metric (the same bytes as the CLI's file). */
    @GetMapping("/{id}/results.csv")
    @Operation(summary = "Results as summary.csv", description = "One row per point and metric with the"
            + " statistics; the same bytes as the CLI's summary.csv.")
    @ApiResponse(responseCode = "200", description = "summary.csv", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    void resultsCsv(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        String key = existing(id);
        response.setContentType(CSV.toString());
        response.setHeader("Content-Disposition", "attachment; filename=\"summary.csv\"");
        service.writeSummaryCsv(key, response.getWriter());
    }

    /** {@code runs.csv}: one row per run. */
    @GetMapping("/{id}/runs.csv")
    @Operation(summary = "Every run as runs.csv", description = "One row per run: index, point, scenario, replicate,"
            + " seed, status, error, scenario hash, engine version, axis values, every metric.")
    @ApiResponse(responseCode = "200", description = "runs.csv", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    void runsCsv(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id,
            @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        String key = existing(id);
        response.setContentType(CSV.toString());
        response.setHeader("Content-Disposition", "attachment; filename=\"runs.csv\"");
        service.writeRunsCsv(key, response.getWriter());
    }

    /** Compares every metric between two groups, {@code a} and {@code b}: {@code point:N} or {@code scenario:LABEL}. */
    @GetMapping("/{id}/compare")
    @Operation(summary = "Compare two groups of runs", description = "Per metric: both means, the difference,"
            + " Welch's t-test and Mann–Whitney p-values, Cohen's d and Hedges' g.")
    @ApiResponse(responseCode = "200", description = "The comparison.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExperimentApiSchemas.Comparison.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocsConfiguration.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    ObjectNode compare(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id,
            @Parameter(description = "Group A: `point:N` or `scenario:LABEL`.", example = "scenario:proportional")
            @RequestParam String a,
            @Parameter(description = "Group B, like a.", example = "scenario:winner-take-all") @RequestParam String b) {
        String key = existing(id);
        RunGroup ga;
        RunGroup gb;
        try {
            ga = RunGroup.parse(a);
            gb = RunGroup.parse(b);
        } catch (IllegalArgumentException e) {
            throw new InvalidExperimentException(List.of(new SpecProblem("a/b", e.getMessage())));
        }
        List<MetricComparison> list;
        try {
            list = service.compare(key, ga, gb).orElseThrow(NotFound::new);
        } catch (IllegalArgumentException e) {
            throw new InvalidExperimentException(List.of(new SpecProblem("a/b", e.getMessage())));
        }
        ObjectNode o = mapper.createObjectNode();
        o.put("a", a);
        o.put("b", b);
        ArrayNode metrics = o.putArray("metrics");
        for (MetricComparison c : list) {
            ObjectNode m = metrics.addObject();
            m.put("metric", c.metric());
            m.put("nA", c.nA());
            m.put("nB", c.nB());
            number(m, "meanA", c.meanA());
            number(m, "meanB", c.meanB());
            number(m, "difference", c.difference());
            number(m, "welchP", c.welchP());
            number(m, "mannWhitneyP", c.mannWhitneyP());
            number(m, "cohensD", c.cohensD());
            number(m, "hedgesG", c.hedgesG());
        }
        return o;
    }

    /** The indices of a sensitivity experiment (SALTELLI: first-order and total; MORRIS: μ*, μ, σ), with CIs. */
    @GetMapping("/{id}/sensitivity")
    @Operation(summary = "Sensitivity indices", description = "For an experiment with a `sensitivity` section: per"
            + " scenario, each parameter's Sobol first-order and total indices (SALTELLI, Jansen estimators) or Morris"
            + " μ*, μ and σ (MORRIS), each with its bootstrap confidence interval, parameters ranked largest first;"
            + " computed from the points' means of the chosen metric. `problem` says why a scenario has no indices"
            + " yet (runs failed or unfinished, an unknown metric).")
    @ApiResponse(responseCode = "200", description = "The indices.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", ref = ApiDocsConfiguration.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    Map<String, Object> sensitivity(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id) {
        String key = existing(id);
        try {
            return SensitivityAnalysis.toMap(service.sensitivity(key).orElseThrow(NotFound::new));
        } catch (IllegalArgumentException e) {
            throw new InvalidExperimentException(List.of(new SpecProblem("$.sensitivity", e.getMessage())));
        }
    }

    /** A point's time series: mean and 95% band across replicates, per series. */
    @GetMapping("/{id}/points/{point}/series")
    @Operation(summary = "A point's time series", description = "Mean and 95% band across the point's replicates,"
            + " per stored series.")
    @ApiResponse(responseCode = "200", description = "The series.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExperimentApiSchemas.Series.class)))
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    ObjectNode series(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id,
            @Parameter(description = "The point's index, from 0.") @PathVariable String point) {
        String key = existing(id);
        int p;
        try {
            p = Integer.parseInt(point);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
        SeriesBand band;
        try {
            band = service.series(key, p).orElseThrow(NotFound::new);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
        ObjectNode o = mapper.createObjectNode();
        o.put("pointIndex", p);
        o.put("replicates", band.replicates());
        ArrayNode epochs = o.putArray("epochs");
        for (int e : band.epochs()) {
            epochs.add(e);
        }
        ObjectNode series = o.putObject("series");
        for (int k = 0; k < band.names().size(); k++) {
            ObjectNode s = series.putObject(band.names().get(k));
            s.set("mean", array(band.mean()[k]));
            s.set("ci95Low", array(band.ci95Low()[k]));
            s.set("ci95High", array(band.ci95High()[k]));
        }
        return o;
    }

    /**
     * Cancels: 202 when the experiment was queued or running, 200 when it had already ended. An experiment
     * started from a notebook cell is cancelled from its notebook (by whoever may edit it) instead: 409, as for
     * delete, so that the viewers of a shared notebook, who can see its experiment ids, cannot stop its runs.
     */
    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an experiment", description = "Queued runs are skipped, running ones stop at their"
            + " next epoch; finished runs are kept.")
    @ApiResponse(responseCode = "202", description = "It was queued or running and is being cancelled.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExperimentApiSchemas.Status.class)))
    @ApiResponse(responseCode = "200", description = "It had already ended; nothing changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ExperimentApiSchemas.Status.class)))
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocsConfiguration.CONFLICT,
            description = "It was started from a notebook cell and is cancelled from its notebook.")
    ResponseEntity<?> cancel(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id) {
        String key = checked(id);
        ExperimentProgress before = service.status(key).orElseThrow(NotFound::new);
        if (service.origin(key).isPresent()) {
            return belongsToNotebook("it is cancelled from the notebook");
        }
        if (before.status().terminal()) {
            return ResponseEntity.ok(status(before));
        }
        return ResponseEntity.accepted().body(status(service.cancel(key).orElseThrow(NotFound::new)));
    }

    /**
     * Deletes the experiment with all its runs and results (a queued or running one is cancelled first): 204.
     * An experiment started from a notebook cell is deleted with its cell or notebook instead: 409.
     */
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an experiment", description = "With every run and result; a queued or running one"
            + " is cancelled first.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocsConfiguration.CONFLICT,
            description = "It was started from a notebook cell and is deleted with its cell or notebook.")
    ResponseEntity<?> delete(@Parameter(description = "The experiment's id (a UUID).") @PathVariable String id) {
        String key = checked(id);
        service.status(key).orElseThrow(NotFound::new);
        if (service.origin(key).isPresent()) {
            return belongsToNotebook("it is deleted with the cell or the notebook");
        }
        if (!service.delete(key)) {
            throw new NotFound();
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidExperimentException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidExperimentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() == 1 ? "1 problem: " + e.problems().get(0)
                        : e.problems().size() + " problems; see errors");
        p.setTitle("Invalid experiment");
        p.setProperty("errors", e.problems().stream().map(x -> Map.of("path", x.path(), "message", x.message())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no experiment with this id");
        p.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the experiment file is larger than " + properties.maxRequestSize());
        p.setTitle("Too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private String body(HttpServletRequest request) throws IOException {
        long max = properties.maxRequestSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new TooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new TooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private String existing(String id) {
        String key = checked(id);
        if (service.status(key).isEmpty()) {
            throw new NotFound();
        }
        return key;
    }

    private static String checked(String id) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw new NotFound();
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private ObjectNode status(ExperimentProgress p) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("status", p.status().name());
        o.put("total", p.total());
        o.put("done", p.done());
        o.put("failed", p.failed());
        if (p.etaSeconds() == null) {
            o.putNull("etaSeconds");
        } else {
            o.put("etaSeconds", p.etaSeconds());
        }
        if (p.message() != null) {
            o.put("message", p.message());
        }
        return o;
    }

    private ArrayNode array(double[] values) {
        ArrayNode a = mapper.createArrayNode();
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    /** An unknown or malformed id, or a point that does not exist. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }


    private static ResponseEntity<ProblemDetail> belongsToNotebook(String what) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "this experiment belongs to a notebook cell; " + what);
        p.setTitle("Belongs to a notebook");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
