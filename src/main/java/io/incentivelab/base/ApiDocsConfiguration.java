package io.incentivelab.base;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the HTTP API ({@code /v3/api-docs}, Swagger UI at {@code /api/docs}): its title, the
 * error body every endpoint answers with ({@code Problem}, RFC 9457 as Spring's {@code ProblemDetail} writes it,
 * plus {@code errors} on a bad file) and the error responses the controllers refer to by name
 * ({@code @ApiResponse(ref = ApiDocsConfiguration.NOT_FOUND)}).
 */
@Configuration
public class ApiDocsConfiguration {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String CONFLICT = "#/components/responses/Conflict";
    public static final String TOO_LARGE = "#/components/responses/PayloadTooLarge";
    public static final String PRECONDITION_REQUIRED = "#/components/responses/PreconditionRequired";

    @Bean
    OpenAPI incentiveLabOpenApi() {
        Components components = new Components()
                .addSchemas("Problem", problemSchema())
                .addSchemas("ProblemError", problemErrorSchema())
                .addResponses("BadRequest", problem("The body (or a query parameter) is invalid; `errors` names every"
                        + " problem by its JSON path."))
                .addResponses("NotFound", problem("No such id (ids are capabilities: an unknown, malformed or"
                        + " somebody else's id looks the same)."))
                .addResponses("Conflict", problem("The request conflicts with the current state (see `detail`)."))
                .addResponses("PayloadTooLarge", problem("The body is larger than the limit."))
                .addResponses("PreconditionRequired", problem("The request must name the version it was based on"
                        + " (`If-Match`)."));
        return new OpenAPI()
                .info(new Info().title("Incentive Lab API").version("1")
                        .description("Experiments (sweeps × replicates of scenarios) and notebooks over HTTP. Request"
                                + " bodies are the files of docs/formats.md; every error is a `Problem`"
                                + " (application/problem+json). See docs/api.md."))
                .components(components);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema s = new ObjectSchema()
                .description("An error answer (RFC 9457 problem details, as Spring's ProblemDetail writes it).")
                .addProperty("type", new StringSchema().description("A URI naming the kind of problem; `about:blank`"
                        + " when the status says it all.").example("about:blank"))
                .addProperty("title", new StringSchema().description("Short summary, e.g. `Invalid experiment`,"
                        + " `Not found`, `Too large`, `Changed since`.").example("Invalid experiment"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code.").example(400))
                .addProperty("detail", new StringSchema().description("What went wrong, for a person.")
                        .example("3 problems; see errors"))
                .addProperty("instance", new StringSchema().description("The request path.")
                        .example("/api/experiments"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemError"))
                        .description("On 400 answers to a bad file: every problem, each with its JSON path."));
        s.setRequired(List.of("title", "status"));
        return s;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemErrorSchema() {
        Schema s = new ObjectSchema().description("One problem of a request body.")
                .addProperty("path", new StringSchema().description("JSON path into the body.")
                        .example("$.replicates"))
                .addProperty("message", new StringSchema().example("must be a whole number from 1 to 10000, was 0"));
        s.setRequired(List.of("path", "message"));
        return s;
    }
}
