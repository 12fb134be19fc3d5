package io.cryptotracker.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cryptotracker.testsupport.EmbeddedServers;
import io.cryptotracker.testsupport.EmbeddedServersSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/components/database-roles/service-roles.sh (the Kubernetes database-roles Job runs it, Compose mounts it
 * as PostgreSQL's init script) against a real PostgreSQL 17 with psql: each service's role owns its database only, and
 * a server whose databases and tables a superuser created before the roles existed is upgraded; running it again
 * changes nothing.
 */
class DatabaseRolesScriptTest {

    static final Path SCRIPT = DeployFiles.ROOT.resolve("deploy/k8s/components/database-roles/service-roles.sh");

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static EmbeddedServers servers;

    @BeforeAll
    static void startPostgres() {
        assumeTrue(DeployFiles.onPath("psql").isPresent(), "psql is not installed");
        servers = EmbeddedServers.start(EmbeddedServersSettings.forTests());
    }

    @AfterAll
    static void stopPostgres() {
        if (servers != null) {
            servers.stop();
        }
    }

    @Test
    void theScriptGivesEachServiceItsOwnDatabaseUpgradesOneTheSuperuserFilledAndCanRunAgain() throws Exception {
        servers.createDatabase("auth");
        try (Connection admin = servers.dataSource("auth").getConnection()) {
            execute(admin, "CREATE TABLE users (id bigserial PRIMARY KEY, email text)",
                    "INSERT INTO users (email) VALUES ('kept@example.com')", "CREATE TABLE databasechangelog (id text)");
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("AUTH_DB_PASSWORD", "auth-pass-1");
        passwords.put("USER_DB_PASSWORD", "user-pass-1");
        passwords.put("MARKET_DB_PASSWORD", "market-pass-1");
        passwords.put("SIGNALS_DB_PASSWORD", "signals 'quoted' pass");
        passwords.put("NOTIFICATION_DB_PASSWORD", "notification-pass-1");

        String output = runScript(passwords);

        assertThat(output).contains("database auth: owned by role auth_service")
                .contains("database notifications: owned by role notification_service");
        passwords.values().forEach(password -> assertThat(output).doesNotContain(password));
        try (Connection auth = connect("auth", "auth_service", "auth-pass-1")) {
            execute(auth, "INSERT INTO users (email) VALUES ('new@example.com')",
                    "ALTER TABLE databasechangelog ADD COLUMN author text");
            assertThat(query(auth, "SELECT count(*) FROM users")).isEqualTo("2");
            assertThat(query(auth, "SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles "
                    + "WHERE rolname = current_user")).isEqualTo("f");
            assertThatThrownBy(() -> execute(auth, "CREATE DATABASE another")).isInstanceOfSatisfying(
                    SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            assertThatThrownBy(() -> execute(auth, "CREATE ROLE another")).isInstanceOfSatisfying(
                    SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
        assertThatThrownBy(() -> connect("users", "auth_service", "auth-pass-1").close()).isInstanceOfSatisfying(
                SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        connect("signals", "signals_service", "signals 'quoted' pass").close();

        passwords.put("USER_DB_PASSWORD", "user-pass-2");
        runScript(passwords);

        try (Connection users = connect("users", "user_service", "user-pass-2");
                Connection auth = connect("auth", "auth_service", "auth-pass-1")) {
            assertThat(query(users, "SELECT current_database()")).isEqualTo("users");
            assertThat(query(auth, "SELECT count(*) FROM users")).isEqualTo("2");
        }
        assertThatThrownBy(() -> connect("users", "user_service", "user-pass-1").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void anAdministratorThatIsNoSuperuserSetsUpAFreshServerAsOnAManagedPostgres() throws Exception {
        try (EmbeddedServers managed = EmbeddedServers.start(EmbeddedServersSettings.forTests())) {
            try (Connection admin = managed.dataSource("postgres").getConnection()) {
                execute(admin, "CREATE ROLE ops_admin LOGIN CREATEROLE CREATEDB PASSWORD 'ops-pass'");
            }
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("PGUSER", "ops_admin");
            environment.put("PGPASSWORD", "ops-pass");
            for (String prefix : new String[] { "AUTH", "USER", "MARKET", "SIGNALS", "NOTIFICATION" }) {
                environment.put(prefix + "_DB_PASSWORD", prefix.toLowerCase() + "-pass");
            }

            runScript(managed, environment);
            runScript(managed, environment);

            try (Connection users = DriverManager.getConnection(managed.jdbcUrl("users"), "user_service", "user-pass")) {
                execute(users, "CREATE TABLE profiles (id bigint PRIMARY KEY)");
                assertThat(query(users, "SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles "
                        + "WHERE rolname = current_user")).isEqualTo("f");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(managed.jdbcUrl("auth"), "user_service", "user-pass")
                    .close()).isInstanceOfSatisfying(SQLException.class,
                            ex -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
    }

    private static String runScript(Map<String, String> passwords) throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>(passwords);
        environment.put("PGUSER", EmbeddedServers.POSTGRES_USERNAME);
        return runScript(servers, environment);
    }

    private static String runScript(EmbeddedServers server, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("PGHOST", "localhost");
        builder.environment().put("PGPORT", Integer.toString(server.postgresPort()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("script finished").isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(servers.jdbcUrl(database), user, password);
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
