package io.incentivelab.notebook.sharing;

import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookFile;
import io.incentivelab.notebook.NotebookNotFoundException;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.Simulator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links. {@link #share} freezes a notebook the caller may edit into an immutable snapshot behind a
 * random 128-bit token; {@link #open} reads one by its token (an unknown and a revoked token look the same:
 * empty); {@link #fork} copies one into a new notebook of the caller's. There is no method that changes a
 * snapshot: the only write after {@link #share} is {@link #revoke}, which deletes it, and only its owner may.
 */
@Service
public class SnapshotService {

    private final SnapshotRepository repository;
    private final NotebookService notebooks;
    private final Clock clock = Clock.systemUTC();

    SnapshotService(SnapshotRepository repository, NotebookService notebooks) {
        this.repository = repository;
        this.notebooks = notebooks;
    }

    /**
     * Freezes the notebook as it is stored now (document and outputs) and returns the new link, the only time
     * its token is known.
     *
     * @throws NotebookNotFoundException if there is no such notebook or the owner key may not edit it
     */
    @Transactional
    public SharedLink share(String notebookId, OwnerKey owner) {
        Notebook nb = notebooks.find(notebookId, owner).orElseThrow(() -> new NotebookNotFoundException(notebookId));
        String token = OwnerKey.randomToken();
        Map<String, Long> seeds = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Cell c : nb.document().cells()) {
            if (c instanceof ExperimentCell e) {
                seeds.put(e.id(), e.seed());
            } else if (c instanceof ScenarioCell s) {
                hashes.put(s.id(), scenarioHash(s));
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Snapshot s = new Snapshot(OwnerKey.sha256(token), nb.id(), nb.toFile(), Simulator.ENGINE_VERSION, seeds, hashes, now);
        repository.insert(s, owner.hash());
        return new SharedLink(s.id(), token, s.title(), now);
    }

    /** The snapshot behind a token; empty for an unknown, malformed or revoked one alike. */
    public Optional<Snapshot> open(String token) {
        if (!OwnerKey.isToken(token)) {
            return Optional.empty();
        }
        return repository.find(OwnerKey.sha256(token));
    }

    /** The caller's links to a notebook, newest first (tokens not included: only their hashes are kept). */
    public List<SharedLink> links(String notebookId, OwnerKey owner) {
        return owner == null ? List.of() : repository.list(notebookId, owner.hash());
    }

    /** Revokes (deletes) a link the caller made; false if there is none of theirs with that id. */
    @Transactional
    public boolean revoke(String linkId, OwnerKey owner) {
        return owner != null && linkId != null && repository.delete(linkId, owner.hash());
    }

    /**
     * A new notebook of the caller's with the snapshot's document and outputs; the snapshot is untouched.
     *
     * @throws NotebookNotFoundException if the token is unknown or revoked
     */
    @Transactional
    public Notebook fork(String token, OwnerKey owner) {
        Snapshot s = open(token).orElseThrow(() -> new NotebookNotFoundException("snapshot"));
        return notebooks.createFrom(new NotebookFile(
                s.file().document().withTitle(NotebookService.copyTitle(s.file().document().title())), s.file().outputs()),
                "snapshot", owner);
    }

    /** The scenario's canonical hash (as experiment runs record it), or a hash of its text if it does not read. */
    static String scenarioHash(ScenarioCell cell) {
        try {
            return ScenarioCodec.hash(ScenarioCodec.parse(cell.scenario()));
        } catch (RuntimeException e) {
            return "text-" + OwnerKey.sha256(cell.scenario().toString());
        }
    }

    /** The engine version this server runs (to compare with a snapshot's). */
    public static String currentEngine() {
        return Simulator.ENGINE_VERSION;
    }
}
