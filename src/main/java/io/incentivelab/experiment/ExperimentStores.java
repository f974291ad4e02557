package io.incentivelab.experiment;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores outside the Spring app (bench, tools): the H2 store on a database of one's own, migrated by Flyway. */
public final class ExperimentStores {

    private ExperimentStores() {
    }

    /** The app's H2 store on the given data source (pooled, e.g. Hikari), with the app's migrations applied. */
    public static ExperimentStore jdbc(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new JdbcExperimentStore(JdbcClient.create(ds), new JdbcTemplate(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }
}
