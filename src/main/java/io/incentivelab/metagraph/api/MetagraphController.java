package io.incentivelab.metagraph.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.base.ApiDocsConfiguration;
import io.incentivelab.metagraph.InvalidMetagraphException;
import io.incentivelab.metagraph.MetagraphCodec;
import io.incentivelab.metagraph.MetagraphScenario;
import io.incentivelab.simulation.metagraph.MetagraphSnapshot;
import io.incentivelab.simulation.metagraph.MetagraphYuma;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/metagraph/import}: a {@code metagraph-snapshot/1} file in, its scenario out, with the Yuma
 * check of {@code yuma --metagraph}. Bad files are 400 problems with {@code errors: [{path, message}]}, a body
 * over {@link MetagraphCodec#MAX_CHARS} bytes 413.
 */
@RestController
@RequestMapping("/api/metagraph")
@Tag(name = "Metagraph", description = "A real subnet's metagraph (metagraph-snapshot/1, docs/formats.md) as a scenario.")
class MetagraphController {

    private final ObjectMapper mapper;

    MetagraphController(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Schema of the answer, for the description. */
    @Schema(name = "MetagraphImport", description = "The scenario of a snapshot and what the import found.")
    record ImportAnswer(
            @Schema(description = "The scenario file (`*.scenario.json`, full form).") Map<String, Object> scenario,
            @Schema(description = "Permitted UIDs, the scenario's validators.") int validators,
            @Schema(description = "UIDs without a permit.") int minerUids,
            @Schema(description = "Distinct coldkeys among them: the scenario's operators.") int operators,
            @Schema(description = "Most miner UIDs one coldkey holds.") int maxUidsPerOperator,
            @Schema(description = "One Yuma epoch on the snapshot's weights and stakes against its own incentive"
                    + " and dividends.") Check yumaCheck) {
    }

    /** Schema of the Yuma check. */
    @Schema(name = "MetagraphYumaCheck")
    record Check(@Schema(description = "Largest |computed − snapshot| incentive.") double maxIncentiveDeviation,
                 @Schema(description = "Largest |computed − snapshot| dividends.") double maxDividendsDeviation,
                 @Schema(description = "One u16 step + 1e-6.") double tolerance,
                 @Schema(description = "Both deviations within the tolerance.") boolean withinTolerance) {
    }

    @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a metagraph snapshot", description = "Turns a metagraph-snapshot/1 file into a"
            + " one-subnet scenario: permitted UIDs become validators with their stakes, the other UIDs miners"
            + " grouped into operators by coldkey, hyperparameters mapped to the scenario's yuma, limits and tempo."
            + " Also runs one Yuma epoch on the snapshot's weights and stakes and reports the deviation from its"
            + " incentive and dividends. Nothing is stored.")
    @RequestBody(required = true, description = "A metagraph-snapshot/1"
            + " file, at most 16 MiB.", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(type = "object", description = "metagraph-snapshot/1 (docs/formats.md)")))
    @ApiResponse(responseCode = "200", description = "The scenario and the check.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ImportAnswer.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocsConfiguration.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocsConfiguration.TOO_LARGE)
    ResponseEntity<ObjectNode> importSnapshot(@Parameter(hidden = true) HttpServletRequest request) throws IOException {
        MetagraphSnapshot snapshot = MetagraphCodec.parse(body(request));
        MetagraphScenario.Imported imported = MetagraphScenario.convert(snapshot);
        MetagraphYuma.Comparison c = MetagraphYuma.compare(snapshot);
        ObjectNode o = mapper.createObjectNode();
        o.set("scenario", imported.json());
        o.put("validators", imported.validators());
        o.put("minerUids", imported.minerUids());
        o.put("operators", imported.operators());
        o.put("maxUidsPerOperator", imported.maxUidsPerOperator());
        o.putObject("yumaCheck").put("maxIncentiveDeviation", c.maxIncentiveDev())
                .put("maxDividendsDeviation", c.maxDividendsDev()).put("tolerance", MetagraphYuma.TOLERANCE)
                .put("withinTolerance", c.withinTolerance());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(o);
    }

    @ExceptionHandler(InvalidMetagraphException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidMetagraphException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() == 1 ? "1 problem: " + e.problems().get(0) : e.problems().size() + " problems; see errors");
        p.setTitle("Invalid metagraph snapshot");
        p.setProperty("errors", e.problems().stream().limit(101)
                .map(x -> Map.of("path", x.path(), "message", x.message())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the snapshot is larger than " + MetagraphCodec.MAX_CHARS / 1024 / 1024 + " MiB");
        p.setTitle("Too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String body(HttpServletRequest request) throws IOException {
        long max = MetagraphCodec.MAX_CHARS;
        if (request.getContentLengthLong() > max) {
            throw new TooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new TooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
