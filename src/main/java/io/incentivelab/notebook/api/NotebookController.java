package io.incentivelab.notebook.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.base.ApiDocsConfiguration;
import io.incentivelab.notebook.InvalidNotebookException;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookConflictException;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookNotFoundException;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.sharing.OwnerKeyFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notebooks API, for scripts and for clients other than the web UI. The permission is the same owner key the
 * browser holds (the {@code lab_owner} cookie, see {@link OwnerKeyFilter}): a request without one gets a fresh key
 * and so sees no notebook. Bodies are {@code *.notebook.json} files; bad ones are 400 problems with
 * {@code errors: [{path, message}]}, a body over {@link NotebookCodec#MAX_FILE_BYTES} is 413, a stale
 * {@code If-Match} version 409, an unknown id or somebody else's notebook 404.
 */
@RestController
@RequestMapping("/api/notebooks")
@Tag(name = "Notebooks", description = "Notebook files, read and written with the browser's owner key (the"
        + " `lab_owner` cookie): a request without one gets a new key in Set-Cookie, which then owns what it creates.")
class NotebookController {

    private final NotebookService notebooks;
    private final ObjectMapper mapper;

    NotebookController(NotebookService notebooks, ObjectMapper mapper) {
        this.notebooks = notebooks;
        this.mapper = mapper;
    }

    /** Imports a notebook file as a new notebook of the caller's: 201 with id and version. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a notebook", description = "Creates a notebook of the caller's key from a notebook"
            + " file (outputs included).")
    @Parameter(name = OwnerKeyFilter.COOKIE, in = ParameterIn.COOKIE, description = "The owner key; without it the"
            + " answer sets a new one.", schema = @Schema(type = "string"))
    @RequestBody(required = true, description = "A notebook file"
            + " (`*.notebook.json`), at most 8 MB.", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = NotebookApiSchemas.NotebookFile.class)))
    @ApiResponse(responseCode = "201", description = "Created; Location `/api/notebooks/{id}`.",
            headers = @Header(name = "ETag", description = "The new version, `\"N\"`.", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = NotebookApiSchemas.Summary.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocsConfiguration.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocsConfiguration.TOO_LARGE)
    ResponseEntity<ObjectNode> create(@Parameter(hidden = true) HttpServletRequest request) throws IOException {
        Notebook nb = notebooks.importFile(body(request), owner(request));
        return ResponseEntity.created(URI.create("/api/notebooks/" + nb.id())).eTag(etag(nb.version())).body(summary(nb));
    }

    /** The notebook file (document and outputs), its version as the ETag. */
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export a notebook", description = "The notebook file, outputs included.")
    @Parameter(name = OwnerKeyFilter.COOKIE, in = ParameterIn.COOKIE, description = "The owner key; without it the"
            + " answer sets a new one.", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The file; its version is the ETag.",
            headers = @Header(name = "ETag", description = "The version, `\"N\"`.", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = NotebookApiSchemas.NotebookFile.class)))
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    ResponseEntity<String> get(@Parameter(description = "The notebook's id.") @PathVariable String id,
            @Parameter(hidden = true) HttpServletRequest request) {
        Notebook nb = notebooks.find(id, owner(request)).orElseThrow(() -> new NotebookNotFoundException(id));
        return ResponseEntity.ok().eTag(etag(nb.version())).contentType(MediaType.APPLICATION_JSON)
                .body(notebooks.exportFile(nb));
    }

    /**
     * Saves a new document (the body's {@code outputs}, if any, are ignored: outputs come from runs) over the
     * version named by {@code If-Match}: 200 with the new version; 409 if the notebook changed since; 428 without
     * {@code If-Match}.
     */
    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a notebook", description = "Replaces the document (the body's `outputs` are ignored:"
            + " outputs come from runs) if it was edited from the current version.")
    @Parameter(name = OwnerKeyFilter.COOKIE, in = ParameterIn.COOKIE, description = "The owner key; without it the"
            + " answer sets a new one.", schema = @Schema(type = "string"))
    @RequestBody(required = true, description = "A notebook file"
            + " (`*.notebook.json`), at most 8 MB.", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = NotebookApiSchemas.NotebookFile.class)))
    @ApiResponse(responseCode = "200", description = "Saved.",
            headers = @Header(name = "ETag", description = "The new version, `\"N\"`.", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = NotebookApiSchemas.Summary.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocsConfiguration.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocsConfiguration.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ApiDocsConfiguration.TOO_LARGE)
    @ApiResponse(responseCode = "428", ref = ApiDocsConfiguration.PRECONDITION_REQUIRED)
    ResponseEntity<?> save(@Parameter(description = "The notebook's id.") @PathVariable String id,
            @Parameter(description = "The version the document was edited from: the ETag of GET, `\"N\"`.")
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Parameter(hidden = true) HttpServletRequest request)
            throws IOException {
        OwnerKey owner = owner(request);
        if (notebooks.find(id, owner).isEmpty()) {
            throw new NotebookNotFoundException(id);
        }
        Long expected = version(ifMatch);
        if (expected == null) {
            return problem(HttpStatus.PRECONDITION_REQUIRED, "Version needed",
                    "send the version the document was edited from as If-Match: \"N\" (the ETag of GET)");
        }
        NotebookDocument doc = NotebookCodec.readDocument(new String(body(request), StandardCharsets.UTF_8));
        long version = notebooks.save(id, doc, expected, owner);
        Notebook saved = notebooks.find(id, owner).orElseThrow(() -> new NotebookNotFoundException(id));
        return ResponseEntity.ok().eTag(etag(version)).body(summary(saved));
    }

    /** Deletes the notebook with its outputs and its experiments' runs and results: 204. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a notebook", description = "With its outputs and the experiments started from it.")
    @Parameter(name = OwnerKeyFilter.COOKIE, in = ParameterIn.COOKIE, description = "The owner key; without it the"
            + " answer sets a new one.", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "404", ref = ApiDocsConfiguration.NOT_FOUND)
    ResponseEntity<Void> delete(@Parameter(description = "The notebook's id.") @PathVariable String id,
            @Parameter(hidden = true) HttpServletRequest request) {
        if (!notebooks.delete(id, owner(request))) {
            throw new NotebookNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidNotebookException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidNotebookException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() == 1 ? "1 problem: " + e.problems().get(0) : e.problems().size() + " problems; see errors");
        p.setTitle("Invalid notebook");
        p.setProperty("errors", e.problems().stream().limit(100)
                .map(x -> Map.of("path", x.path(), "message", x.message())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(NotebookNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no notebook with this id that this key may edit");
    }

    @ExceptionHandler(NotebookConflictException.class)
    ResponseEntity<ProblemDetail> conflict() {
        return problem(HttpStatus.CONFLICT, "Changed since", "the notebook was saved by someone else since this version;"
                + " GET it again and re-apply the change");
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "the notebook file is larger than "
                + NotebookCodec.MAX_FILE_BYTES / 1024 / 1024 + " MB");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private ObjectNode summary(Notebook nb) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", nb.id());
        o.put("title", nb.title());
        o.put("version", nb.version());
        return o;
    }

    private static OwnerKey owner(HttpServletRequest request) {
        return request.getAttribute(OwnerKeyFilter.ATTRIBUTE) instanceof OwnerKey k ? k : null;
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version in {@code If-Match: "N"} (quotes optional), or null. */
    static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        if (!v.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(v);
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        long max = NotebookCodec.MAX_FILE_BYTES;
        if (request.getContentLengthLong() > max) {
            throw new TooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new TooLarge();
            }
            return bytes;
        }
    }

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
