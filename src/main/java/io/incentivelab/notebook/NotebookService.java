package io.incentivelab.notebook;

import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.metagraph.InvalidMetagraphException;
import io.incentivelab.metagraph.MetagraphCodec;
import io.incentivelab.simulation.model.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application service for notebooks; views call this, never the repository.
 * <p>
 * Concurrency: saves are optimistic. Each save names the version it was based on; a save based on an older
 * version fails with {@link NotebookConflictException} (nothing is overwritten) and the editor reloads. Outputs
 * are written apart from the document, by cell id, and do not change its version, so a run ending in the
 * background never conflicts with the user's typing.
 */
@Service
public class NotebookService {

    private static final int LIST_LIMIT = 500;

    private final NotebookRepository repository;
    private final NotebookExamples examples;
    private final ExperimentService experiments;
    private final Clock clock;

    @Autowired
    NotebookService(NotebookRepository repository, NotebookExamples examples, ExperimentService experiments) {
        this(repository, examples, experiments, Clock.systemUTC());
    }

    NotebookService(NotebookRepository repository, NotebookExamples examples, ExperimentService experiments, Clock clock) {
        this.repository = repository;
        this.examples = examples;
        this.experiments = experiments;
        this.clock = clock;
    }

    /** The notebooks this owner key may edit, most recently changed first; nobody else's. */
    public List<NotebookSummary> listNotebooks(OwnerKey owner) {
        return owner == null ? List.of() : repository.findRecent(owner.hash(), LIST_LIMIT);
    }

    /** The example notebooks (read-only templates), by name. */
    public List<ExampleSummary> listExamples() {
        return examples.list();
    }

    /** A new, empty notebook with one note cell to start writing in. */
    @Transactional
    public Notebook create(String title, OwnerKey owner) {
        String t = title == null || title.isBlank() ? "Untitled notebook" : title.strip();
        NotebookDocument doc = NotebookDocument.empty(limitTitle(t))
                .append(new NoteCell(CellIds.next(), ""));
        return insert(new NotebookFile(doc, Map.of()), null, owner);
    }

    /**
     * A stored notebook, with its outputs, if this owner key may edit it. A notebook of someone else's is
     * empty exactly like an unknown id, so nothing tells the two apart.
     */
    public Optional<Notebook> find(String id, OwnerKey owner) {
        if (id == null || id.length() > 36 || owner == null || !repository.isOwner(id, owner.hash())) {
            return Optional.empty();
        }
        return repository.find(id);
    }

    /**
     * Makes a new private edit link token for a notebook the caller may edit (the previous link stops
     * working). Only its hash is stored; the caller shows the token once.
     */
    @Transactional
    public String newEditLink(String id, OwnerKey owner) {
        requireOwner(id, owner);
        String token = OwnerKey.randomToken();
        repository.putEditLink(id, OwnerKey.sha256(token), now());
        return token;
    }

    /** Opens an edit link: the owner key may edit its notebook from now on. Empty if the link is unknown. */
    @Transactional
    public Optional<String> claimEditLink(String token, OwnerKey owner) {
        if (!OwnerKey.isToken(token) || owner == null) {
            return Optional.empty();
        }
        Optional<String> id = repository.findByEditLink(OwnerKey.sha256(token));
        id.ifPresent(nb -> repository.grant(nb, owner.hash(), now()));
        return id;
    }

    /** A new notebook of the owner's from a document and outputs (a fork of a snapshot, say). */
    @Transactional
    public Notebook createFrom(NotebookFile file, String origin, OwnerKey owner) {
        return insert(new NotebookFile(file.document().withTitle(limitTitle(file.document().title())), file.outputs()),
                origin, owner);
    }

    /**
     * The title of a copy (an imported file, a fork): "… (copy)", so that it is not mistaken for the original
     * in a list of notebooks; a title that already says so is kept.
     */
    public static String copyTitle(String title) {
        String t = limitTitle(title);
        if (t.endsWith(COPY)) {
            return t;
        }
        return (t.length() + COPY.length() > NotebookDocument.MAX_TITLE ? t.substring(0, NotebookDocument.MAX_TITLE - COPY.length()).strip()
                : t) + COPY;
    }

    private static final String COPY = " (copy)";

    /**
     * Imports a file the user uploaded as their copy: as {@link #importFile}, titled "… (copy)".
     *
     * @throws InvalidNotebookException with every problem, each naming its field
     */
    @Transactional
    public Notebook importCopy(byte[] content, OwnerKey owner) {
        NotebookFile file = read(content);
        return insert(new NotebookFile(file.document().withTitle(copyTitle(file.document().title())), file.outputs()), null, owner);
    }

    /**
     * A new notebook of the owner's from a {@code metagraph-snapshot/1} file ({@link MetagraphNotebook}): the
     * subnet today as a scenario, and an experiment that changes its curve.
     *
     * @throws InvalidMetagraphException naming each bad field and its limit
     */
    @Transactional
    public Notebook importMetagraph(byte[] content, OwnerKey owner) {
        if (content.length > MetagraphCodec.MAX_CHARS) {
            throw new InvalidMetagraphException(List.of(new Problem(
                    "$", "the file is " + content.length / 1024 / 1024 + " MiB; at most "
                    + MetagraphCodec.MAX_CHARS / 1024 / 1024 + " MiB allowed")));
        }
        var snapshot = MetagraphCodec.parse(new String(content, StandardCharsets.UTF_8));
        return insert(new NotebookFile(MetagraphNotebook.of(snapshot), Map.of()), null, owner);
    }

    /** An example notebook (read-only), with its stored outputs. */
    public Optional<Notebook> findExample(String name) {
        return examples.find(name);
    }

    /** Copies an example (document and outputs) into a new notebook of the user's own. */
    @Transactional
    public Notebook copyExample(String name, OwnerKey owner) {
        Notebook ex = examples.find(name).orElseThrow(() -> new NotebookNotFoundException(NotebookExamples.ID_PREFIX + name));
        return insert(ex.toFile(), name, owner);
    }

    /**
     * Imports a {@code *.notebook.json} file as a new notebook (cell ids and outputs kept).
     *
     * @throws InvalidNotebookException with every problem, each naming its field
     */
    @Transactional
    public Notebook importFile(byte[] content, OwnerKey owner) {
        return insert(read(content), null, owner);
    }

    private static NotebookFile read(byte[] content) {
        if (content.length > NotebookCodec.MAX_FILE_BYTES) {
            throw new InvalidNotebookException("$", "the file is " + content.length / 1024 + " KB; at most "
                    + NotebookCodec.MAX_FILE_BYTES / 1024 / 1024 + " MB allowed");
        }
        return NotebookCodec.readFile(new String(content, StandardCharsets.UTF_8));
    }

    /** The notebook (stored or example) as a {@code *.notebook.json} text, outputs included. */
    public String exportFile(Notebook notebook) {
        return NotebookCodec.writeFile(notebook.toFile());
    }

    /** A file name for an export: the title in lower case, dashes for anything else. */
    public static String fileName(String title) {
        String base = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (base.isEmpty() ? "notebook" : base.substring(0, Math.min(60, base.length()))) + ".notebook.json";
    }

    /**
     * Saves a document edited from {@code expectedVersion}; outputs of removed cells are dropped, and so are the
     * experiments (runs and results) started from removed cells, a running one cancelled first.
     *
     * @return the new version
     * @throws NotebookConflictException if the notebook changed since that version
     * @throws NotebookNotFoundException if it was deleted, or the owner key may not edit it
     */
    @Transactional
    public long save(String id, NotebookDocument document, long expectedVersion, OwnerKey owner) {
        requireOwner(id, owner);
        NotebookDocument doc = document.withTitle(limitTitle(document.title()));
        if (!repository.update(id, doc, expectedVersion, now())) {
            if (!repository.exists(id)) {
                throw new NotebookNotFoundException(id);
            }
            throw new NotebookConflictException(id);
        }
        List<String> cellIds = doc.cells().stream().map(Cell::id).toList();
        repository.retainOutputs(id, cellIds);
        experiments.deleteByOrigin(CellOrigin.group(id), cellIds);
        return expectedVersion + 1;
    }

    /**
     * Stores a cell's output (replacing the previous one); the document's version is unchanged.
     *
     * @return false if the cell is no longer in the notebook (the output is then dropped)
     */
    @Transactional
    public boolean putOutput(String notebookId, String cellId, CellOutput output) {
        Notebook nb = repository.find(notebookId).orElseThrow(() -> new NotebookNotFoundException(notebookId));
        if (nb.document().indexOf(cellId) < 0) {
            return false;
        }
        repository.putOutput(notebookId, cellId, output, now());
        return true;
    }

    /**
     * Stores an experiment's output as its cell's, except that a cancelled or failed run does not replace the
     * complete results of an earlier one: those stay until a new run completes.
     *
     * @return false if the output was not stored (cell gone, or complete results kept)
     */
    @Transactional
    public boolean putRunOutput(String notebookId, String cellId, ExperimentOutput output) {
        Notebook nb = repository.find(notebookId).orElseThrow(() -> new NotebookNotFoundException(notebookId));
        if (nb.outputs().get(cellId) instanceof ExperimentOutput old && !output.replaces(old)) {
            return false;
        }
        return putOutput(notebookId, cellId, output);
    }

    /**
     * Deletes a notebook, its outputs and the experiments started from it (every run and result; running ones
     * are cancelled first); false if there was none or the owner key may not edit it. Share-link snapshots keep
     * their frozen copy.
     */
    @Transactional
    public boolean delete(String id, OwnerKey owner) {
        if (owner == null || !repository.isOwner(id, owner.hash())) {
            return false;
        }
        experiments.deleteByOrigin(CellOrigin.group(id), null);
        return repository.delete(id);
    }

    /**
     * Deletes experiments whose notebook is gone (the app stopped before a cancelled experiment of a deleted
     * notebook could be deleted); runs at every start.
     *
     * @return how many notebooks' experiments were deleted
     */
    @EventListener(ApplicationReadyEvent.class)
    public int deleteOrphanedExperiments() {
        List<String> gone = repository.notebooksGoneWithExperiments();
        gone.forEach(id -> experiments.deleteByOrigin(CellOrigin.group(id), null));
        return gone.size();
    }

    private void requireOwner(String id, OwnerKey owner) {
        if (id == null || owner == null || !repository.isOwner(id, owner.hash())) {
            throw new NotebookNotFoundException(id);
        }
    }

    private Notebook insert(NotebookFile file, String origin, OwnerKey owner) {
        Objects.requireNonNull(owner, "an owner key is needed to create a notebook");
        String id = UUID.randomUUID().toString();
        Instant now = now();
        repository.insert(id, file.document(), origin, now);
        repository.grant(id, owner.hash(), now);
        file.outputs().forEach((cell, out) -> repository.putOutput(id, cell, out, now));
        return repository.find(id).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String limitTitle(String t) {
        String s = t == null || t.isBlank() ? "Untitled notebook" : t.strip();
        return s.length() > NotebookDocument.MAX_TITLE ? s.substring(0, NotebookDocument.MAX_TITLE) : s;
    }
}
