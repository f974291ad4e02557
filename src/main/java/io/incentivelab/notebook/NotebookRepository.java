package io.incentivelab.notebook;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notebook rows in H2 (schema owned by Flyway). */
@Repository
class NotebookRepository {

    private final JdbcClient jdbc;

    NotebookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NotebookSummary> findRecent(int limit) {
        return jdbc.sql("SELECT id, title, updated_at FROM notebook ORDER BY updated_at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query((rs, i) -> new NotebookSummary(rs.getString("id"), rs.getString("title"),
                        rs.getObject("updated_at", Timestamp.class).toInstant()))
                .list();
    }
}
