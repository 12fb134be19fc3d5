package io.cryptotracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.cryptotracker.testsupport.DatabaseLogin;
import io.cryptotracker.testsupport.EmbeddedServers;
import io.cryptotracker.testsupport.EmbeddedServersSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's databases on a real PostgreSQL with a persistent data directory: each owned by its service's role,
 * set up again at every start, and a data directory from before the roles existed is upgraded.
 */
class ServiceDatabasesTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String INVALID_PASSWORD = "28P01";

    @Test
    void anOldDataDirectoryOwnedByPostgresIsUpgradedAndEveryLaterStartKeepsRolesPasswordsAndData(@TempDir Path data)
            throws Exception {
        EmbeddedServersSettings settings = EmbeddedServersSettings.localRun(data)
                .withPorts(freePort(), freePort(), freePort());
        Path passwordsFile = data.resolve(ServiceDatabases.PASSWORDS_FILE);
        // what the launcher left before roles existed: every database and table owned by postgres, trust for all
        EmbeddedServers old = EmbeddedServers.start(settings);
        try {
            for (String database : SuiteService.databases()) {
                old.createDatabase(database);
            }
            try (Connection connection = old.dataSource("auth").getConnection()) {
                execute(connection, "CREATE TABLE users (id bigserial PRIMARY KEY, email text)",
                        "INSERT INTO users (email) VALUES ('kept@example.com')",
                        "CREATE TABLE databasechangelog (id text)");
            }
        }
        finally {
            old.stop();
        }
        Files.writeString(data.resolve("postgres/pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");

        Map<SuiteService, DatabaseLogin> upgraded;
        EmbeddedServers servers = EmbeddedServers.start(settings);
        try {
            upgraded = ServiceDatabases.provision(servers, SuiteService.withDatabase(), passwordsFile);

            assertThat(upgraded).containsOnlyKeys(SuiteService.withDatabase());
            for (SuiteService service : SuiteService.withDatabase()) {
                DatabaseLogin login = upgraded.get(service);
                assertThat(login.username()).isEqualTo(service.serviceName().replace('-', '_'));
                assertThat(login.jdbcUrl()).isEqualTo(servers.jdbcUrl(service.database().orElseThrow()));
                try (Connection connection = connect(login)) {
                    assertThat(queryString(connection, "SELECT current_user")).isEqualTo(login.username());
                    assertThat(queryString(connection, "SELECT rolsuper OR rolcreatedb OR rolcreaterole "
                            + "FROM pg_roles WHERE rolname = current_user")).isEqualTo("f");
                }
            }
            DatabaseLogin auth = upgraded.get(SuiteService.AUTH_SERVICE);
            try (Connection connection = connect(auth)) {
                execute(connection, "INSERT INTO users (email) VALUES ('new@example.com')",
                        "ALTER TABLE databasechangelog ADD COLUMN author text");
                assertThat(queryString(connection, "SELECT count(*) FROM users")).isEqualTo("2");
                assertThat(queryString(connection, "SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ',') "
                        + "FROM pg_class WHERE relnamespace = 'public'::regnamespace")).isEqualTo("auth_service");
                assertThatThrownBy(() -> execute(connection, "CREATE DATABASE another"))
                        .isInstanceOfSatisfying(SQLException.class,
                                ex -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
            DatabaseLogin authIntoUsers = new DatabaseLogin(servers.jdbcUrl("users"), auth.username(),
                    auth.password());
            assertThatThrownBy(() -> connect(authIntoUsers).close())
                    .isInstanceOfSatisfying(SQLException.class,
                            ex -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            // the old trust-everyone pg_hba.conf is gone: a role needs its password
            DatabaseLogin noPassword = new DatabaseLogin(auth.jdbcUrl(), auth.username(), "");
            assertThatThrownBy(() -> connect(noPassword).close()).isInstanceOf(SQLException.class);
            DatabaseLogin wrongPassword = new DatabaseLogin(auth.jdbcUrl(), auth.username(), "wrong");
            assertThatThrownBy(() -> connect(wrongPassword).close())
                    .isInstanceOfSatisfying(SQLException.class,
                            ex -> assertThat(ex.getSQLState()).isEqualTo(INVALID_PASSWORD));

            assertThat(ServiceDatabases.provision(servers, SuiteService.withDatabase(), passwordsFile))
                    .as("the same setup again").isEqualTo(upgraded);

            SuitePlan plan = new SuitePlan(ModuleJars.of(data), servers, upgraded, 8761, data, List.of());
            assertThat(plan.spec(SuiteService.AUTH_SERVICE, 8081).environment())
                    .containsEntry("DB_URL", auth.jdbcUrl())
                    .containsEntry("DB_USERNAME", "auth_service")
                    .containsEntry("DB_PASSWORD", auth.password());
            assertThat(plan.spec(SuiteService.GATEWAY, 8080).environment())
                    .doesNotContainKeys("DB_URL", "DB_USERNAME", "DB_PASSWORD");
        }
        finally {
            servers.stop();
        }

        assertThat(Files.getPosixFilePermissions(passwordsFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(passwordsFile)) {
            stored.load(reader);
        }
        assertThat(stored.stringPropertyNames()).containsExactlyInAnyOrder("auth_service", "user_service",
                "market_service", "signals_service", "notification_service");
        assertThat(stored.getProperty("auth_service")).hasSizeGreaterThanOrEqualTo(32);

        EmbeddedServers restarted = EmbeddedServers.start(settings);
        try {
            Map<SuiteService, DatabaseLogin> again = ServiceDatabases.provision(restarted,
                    SuiteService.withDatabase(), passwordsFile);

            assertThat(again).isEqualTo(upgraded);
            try (Connection connection = connect(again.get(SuiteService.AUTH_SERVICE))) {
                assertThat(queryString(connection, "SELECT count(*) FROM users")).isEqualTo("2");
            }
        }
        finally {
            restarted.stop();
        }
    }

    private static Connection connect(DatabaseLogin login) throws SQLException {
        return DriverManager.getConnection(login.jdbcUrl(), login.username(), login.password());
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
