package io.incentivelab.notebook.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incentivelab.notebook.NotebookCodec;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Snapshot rows (V5): inserted once and never updated; revoking deletes the row. Keyed by the SHA-256 of the
 * link's token, so the database alone does not give out working links.
 */
@Repository
class SnapshotRepository {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Snapshot s, String ownerHash) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("engine", s.engine());
        manifest.put("seeds", s.seeds());
        manifest.put("scenarioHashes", s.scenarioHashes());
        jdbc.sql("INSERT INTO notebook_snapshot (token_hash, notebook_id, owner_hash, title, content, manifest, engine,"
                        + " created_at) VALUES (:id, :nb, :owner, :title, :content, :manifest, :engine, :at)")
                .param("id", s.id())
                .param("nb", s.notebookId())
                .param("owner", ownerHash)
                .param("title", s.title())
                .param("content", NotebookCodec.writeFile(s.file()))
                .param("manifest", write(manifest))
                .param("engine", s.engine())
                .param("at", Timestamp.from(s.createdAt()))
                .update();
    }

    Optional<Snapshot> find(String id) {
        return jdbc.sql("SELECT token_hash, notebook_id, content, manifest, engine, created_at FROM notebook_snapshot"
                        + " WHERE token_hash = :id")
                .param("id", id)
                .query((rs, i) -> {
                    Map<String, Object> m = read(rs.getString("manifest"));
                    Map<String, Long> seeds = new LinkedHashMap<>();
                    if (m.get("seeds") instanceof Map<?, ?> sm) {
                        sm.forEach((k, v) -> seeds.put(String.valueOf(k), ((Number) v).longValue()));
                    }
                    Map<String, String> hashes = new LinkedHashMap<>();
                    if (m.get("scenarioHashes") instanceof Map<?, ?> hm) {
                        hm.forEach((k, v) -> hashes.put(String.valueOf(k), String.valueOf(v)));
                    }
                    return new Snapshot(rs.getString("token_hash"), rs.getString("notebook_id"),
                            NotebookCodec.readFile(rs.getString("content")), rs.getString("engine"), seeds, hashes,
                            rs.getObject("created_at", Timestamp.class).toInstant());
                })
                .optional();
    }

    List<SharedLink> list(String notebookId, String ownerHash) {
        return jdbc.sql("SELECT token_hash, title, created_at FROM notebook_snapshot WHERE notebook_id = :nb"
                        + " AND owner_hash = :owner ORDER BY created_at DESC, token_hash")
                .param("nb", notebookId)
                .param("owner", ownerHash)
                .query((rs, i) -> new SharedLink(rs.getString("token_hash"), null, rs.getString("title"),
                        rs.getObject("created_at", Timestamp.class).toInstant()))
                .list();
    }

    boolean delete(String id, String ownerHash) {
        return jdbc.sql("DELETE FROM notebook_snapshot WHERE token_hash = :id AND owner_hash = :owner")
                .param("id", id).param("owner", ownerHash).update() == 1;
    }

    private static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot manifest", e);
        }
    }
}
