package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * Upgrades: a database made by the first released schema (V1) with data in it migrates to the newest schema, and
 * the data is still there.
 */
class MigrationUpgradeTest {

    @Test
    void firstSchemaWithDataMigratesToTheNewest() throws Exception {
        String url = "jdbc:h2:mem:upgrade" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notebook (id, title, document, created_at, updated_at) VALUES "
                    + "('11111111-1111-1111-1111-111111111111', 'Kept across upgrades', "
                    + "'{\"formatVersion\":1,\"title\":\"Kept across upgrades\",\"cells\":[]}', "
                    + "TIMESTAMP '2026-11-01 10:00:00', TIMESTAMP '2026-11-02 10:00:00')");
        }

        Flyway latest = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
        latest.migrate();
        MigrationInfo current = latest.info().current();
        assertThat(latest.info().pending()).isEmpty();
        assertThat(current.getVersion().getVersion()).isNotEqualTo("1");

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT title FROM notebook WHERE id = '11111111-1111-1111-1111-111111111111'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Kept across upgrades");
        }
    }
}
