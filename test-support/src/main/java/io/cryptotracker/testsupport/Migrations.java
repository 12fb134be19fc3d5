package io.cryptotracker.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A service's Liquibase changelog run by a test against a fresh database, so a data migration can be tested on rows
 * written before it: update with a label filter that leaves the changeset out, write the rows, update again.
 */
public final class Migrations {

    /** Where every service keeps its changelog. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private Migrations() {
    }

    /** A new, empty database on the shared embedded PostgreSQL. */
    public static DataSource newDatabase() {
        EmbeddedServers servers = EmbeddedServers.shared();
        String name = "t_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        servers.createDatabase(name);
        return servers.dataSource(name);
    }

    /**
     * Applies the service's changelog ({@link #CHANGELOG} on the class path) as Spring Boot does at start, as far as
     * {@code labelFilter} lets it ({@code "!some-label"} leaves those changesets out; null applies all).
     */
    public static void update(DataSource dataSource, String labelFilter) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:" + CHANGELOG);
        liquibase.setLabelFilter(labelFilter);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        }
        catch (LiquibaseException ex) {
            throw new IllegalStateException("Could not apply " + CHANGELOG + ": " + ex.getMessage(), ex);
        }
    }
}
