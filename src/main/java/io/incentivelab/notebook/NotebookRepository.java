package io.incentivelab.notebook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notebook rows and their cell outputs in H2 (schema owned by Flyway: V1, V3). */
@Repository
class NotebookRepository {

    private final JdbcClient jdbc;

    NotebookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The notebooks an owner key may edit, most recently changed first. */
    List<NotebookSummary> findRecent(String ownerHash, int limit) {
        return jdbc.sql("SELECT n.id, n.title, n.updated_at FROM notebook n JOIN notebook_owner o ON o.notebook_id = n.id"
                        + " WHERE o.owner_hash = :owner ORDER BY n.updated_at DESC, n.id LIMIT :limit")
                .param("owner", ownerHash)
                .param("limit", limit)
                .query((rs, i) -> new NotebookSummary(rs.getString("id"), rs.getString("title"),
                        rs.getObject("updated_at", Timestamp.class).toInstant()))
                .list();
    }

    Optional<Notebook> find(String id) {
        return jdbc.sql("SELECT id, document, version, origin, created_at, updated_at FROM notebook WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> new Notebook(rs.getString("id"), NotebookCodec.readDocument(rs.getString("document")),
                        findOutputs(id), rs.getLong("version"), rs.getString("origin"),
                        rs.getObject("created_at", Timestamp.class).toInstant(),
                        rs.getObject("updated_at", Timestamp.class).toInstant(), false))
                .optional();
    }

    void insert(String id, NotebookDocument document, String origin, Instant now) {
        jdbc.sql("INSERT INTO notebook (id, title, document, created_at, updated_at, version, format_version, origin)"
                        + " VALUES (:id, :title, :document, :now, :now, 0, :format, :origin)")
                .param("id", id)
                .param("title", document.title())
                .param("document", NotebookCodec.writeDocument(document))
                .param("now", Timestamp.from(now))
                .param("format", document.formatVersion())
                .param("origin", origin)
                .update();
    }

    /** Writes the document if the row is still at {@code expectedVersion}; true if it was written. */
    boolean update(String id, NotebookDocument document, long expectedVersion, Instant now) {
        return jdbc.sql("UPDATE notebook SET title = :title, document = :document, updated_at = :now,"
                        + " version = version + 1, format_version = :format WHERE id = :id AND version = :expected")
                .param("id", id)
                .param("title", document.title())
                .param("document", NotebookCodec.writeDocument(document))
                .param("now", Timestamp.from(now))
                .param("format", document.formatVersion())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /** True if the owner key (by hash) may edit the notebook. */
    boolean isOwner(String id, String ownerHash) {
        return jdbc.sql("SELECT COUNT(*) FROM notebook_owner WHERE notebook_id = :id AND owner_hash = :owner")
                .param("id", id).param("owner", ownerHash).query(Integer.class).single() > 0;
    }

    /** Lets an owner key edit a notebook (no-op if it already may). */
    void grant(String id, String ownerHash, Instant now) {
        jdbc.sql("MERGE INTO notebook_owner (notebook_id, owner_hash, granted_at) KEY (notebook_id, owner_hash)"
                        + " VALUES (:id, :owner, :now)")
                .param("id", id).param("owner", ownerHash).param("now", Timestamp.from(now)).update();
    }

    /** Sets the notebook's edit link (by its token's hash), replacing the previous one. */
    void putEditLink(String id, String tokenHash, Instant now) {
        jdbc.sql("MERGE INTO notebook_edit_link (notebook_id, token_hash, created_at) KEY (notebook_id)"
                        + " VALUES (:id, :token, :now)")
                .param("id", id).param("token", tokenHash).param("now", Timestamp.from(now)).update();
    }

    /** The notebook an edit link opens. */
    Optional<String> findByEditLink(String tokenHash) {
        return jdbc.sql("SELECT notebook_id FROM notebook_edit_link WHERE token_hash = :token")
                .param("token", tokenHash).query(String.class).optional();
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM notebook WHERE id = :id").param("id", id).query(Integer.class).single() > 0;
    }

    boolean delete(String id) {
        jdbc.sql("DELETE FROM notebook_output WHERE notebook_id = :id").param("id", id).update();
        return jdbc.sql("DELETE FROM notebook WHERE id = :id").param("id", id).update() == 1;
    }

    /** Notebook ids that experiments were started from but that no longer exist. */
    List<String> notebooksGoneWithExperiments() {
        return jdbc.sql("SELECT DISTINCT e.notebook_id FROM experiment e WHERE e.notebook_id IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM notebook n WHERE n.id = e.notebook_id)")
                .query(String.class).list();
    }

    Map<String, CellOutput> findOutputs(String notebookId) {
        Map<String, CellOutput> out = new LinkedHashMap<>();
        jdbc.sql("SELECT cell_id, content FROM notebook_output WHERE notebook_id = :id ORDER BY cell_id")
                .param("id", notebookId)
                .query((rs, i) -> Map.entry(rs.getString("cell_id"), NotebookCodec.readOutput(rs.getString("content"))))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    void putOutput(String notebookId, String cellId, CellOutput output, Instant now) {
        jdbc.sql("MERGE INTO notebook_output (notebook_id, cell_id, kind, content, updated_at) KEY (notebook_id, cell_id)"
                        + " VALUES (:nb, :cell, :kind, :content, :now)")
                .param("nb", notebookId)
                .param("cell", cellId)
                .param("kind", output.kind())
                .param("content", NotebookCodec.writeOutput(output))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Removes outputs whose cell is no longer in the document. */
    void retainOutputs(String notebookId, List<String> cellIds) {
        if (cellIds.isEmpty()) {
            jdbc.sql("DELETE FROM notebook_output WHERE notebook_id = :nb").param("nb", notebookId).update();
            return;
        }
        jdbc.sql("DELETE FROM notebook_output WHERE notebook_id = :nb AND cell_id NOT IN (:ids)")
                .param("nb", notebookId)
                .param("ids", cellIds)
                .update();
    }
}
