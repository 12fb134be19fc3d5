package io.cryptotracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A database's own login role, on the real shared PostgreSQL: it owns its database and can do nothing else. */
class DatabaseOwnershipTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String INVALID_PASSWORD = "28P01";

    private final EmbeddedServers servers = EmbeddedServers.shared();

    @Test
    void aRoleLogsInToItsOwnDatabaseButCannotConnectToAnotherOrCreateDatabasesOrRoles() throws SQLException {
        DatabaseLogin orders = servers.createDatabaseOwnedBy("own_orders", "orders_service", "orders-secret");
        DatabaseLogin billing = servers.createDatabaseOwnedBy("own_billing", "billing_service", "billing-secret");

        try (Connection connection = connect(orders)) {
            execute(connection, "CREATE TABLE placed (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)",
                    "INSERT INTO placed DEFAULT VALUES");
            assertThat(query(connection, "SELECT current_user")).containsExactly("orders_service");
            assertThat(query(connection, "SELECT rolsuper || ',' || rolcreatedb || ',' || rolcreaterole "
                    + "FROM pg_roles WHERE rolname = current_user")).containsExactly("false,false,false");
            assertThatThrownBy(() -> execute(connection, "CREATE DATABASE sneaky"))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState())
                            .isEqualTo(INSUFFICIENT_PRIVILEGE));
            assertThatThrownBy(() -> execute(connection, "CREATE ROLE sneaky LOGIN"))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState())
                            .isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
        DatabaseLogin ordersIntoBilling = new DatabaseLogin(billing.jdbcUrl(), orders.username(), orders.password());
        assertThatThrownBy(() -> connect(ordersIntoBilling).close())
                .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState())
                        .isEqualTo(INSUFFICIENT_PRIVILEGE))
                .hasMessageContaining("permission denied for database");
        DatabaseLogin wrongPassword = new DatabaseLogin(orders.jdbcUrl(), orders.username(), "guessed");
        assertThatThrownBy(() -> connect(wrongPassword).close())
                .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState())
                        .isEqualTo(INVALID_PASSWORD));
        try (Connection connection = connect(billing)) {
            assertThat(query(connection, "SELECT current_database()")).containsExactly("own_billing");
        }
        assertThat(orders.toString()).contains("orders_service").doesNotContain("orders-secret");
    }

    @Test
    void aDatabaseTheSuperuserCreatedAndFilledIsHandedOverWithEverythingInItAndAgainChangesNothing()
            throws SQLException {
        servers.createDatabase("own_legacy");
        try (Connection admin = servers.dataSource("own_legacy").getConnection()) {
            execute(admin, "CREATE TABLE accounts (id bigserial PRIMARY KEY, kind text)",
                    "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)",
                    "CREATE SEQUENCE free_numbers", "CREATE VIEW account_kinds AS SELECT DISTINCT kind FROM accounts",
                    "CREATE MATERIALIZED VIEW account_count AS SELECT count(*) AS n FROM accounts",
                    "CREATE TYPE mood AS ENUM ('calm', 'busy')", "CREATE DOMAIN positive AS int CHECK (VALUE > 0)",
                    "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT 2 * x'",
                    "CREATE SCHEMA archive", "CREATE TABLE archive.old_accounts (id bigint)");
        }
        // a role from an earlier setup that was given too much
        try (Connection admin = servers.dataSource("postgres").getConnection()) {
            execute(admin, "CREATE ROLE legacy_service LOGIN CREATEDB CREATEROLE");
        }

        DatabaseLogin login = servers.createDatabaseOwnedBy("own_legacy", "legacy_service", "legacy-secret");

        try (Connection admin = servers.dataSource("own_legacy").getConnection()) {
            assertThat(objectsNotOwnedBy(admin, "legacy_service")).isEmpty();
            assertThat(query(admin, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'own_legacy'"))
                    .containsExactly("legacy_service");
            assertThat(query(admin, "SELECT rolcreatedb || ',' || rolcreaterole FROM pg_roles "
                    + "WHERE rolname = 'legacy_service'")).containsExactly("false,false");
        }
        try (Connection owner = connect(login)) {
            execute(owner, "INSERT INTO accounts (kind) VALUES ('calm')", "INSERT INTO events DEFAULT VALUES",
                    "SELECT nextval('free_numbers')", "REFRESH MATERIALIZED VIEW account_count",
                    "ALTER TABLE archive.old_accounts ADD COLUMN closed_at timestamptz", "DROP FUNCTION twice(int)",
                    "ALTER TYPE mood ADD VALUE 'away'", "DROP DOMAIN positive");
            assertThat(query(owner, "SELECT kind FROM account_kinds")).containsExactly("calm");
        }

        DatabaseLogin again = servers.createDatabaseOwnedBy("own_legacy", "legacy_service", "legacy-secret");

        assertThat(again).isEqualTo(login);
        try (Connection owner = connect(again)) {
            assertThat(query(owner, "SELECT count(*) FROM accounts")).containsExactly("1");
        }
    }

    @Test
    void callingAgainWithANewPasswordReplacesTheOldOne() throws SQLException {
        DatabaseLogin first = servers.createDatabaseOwnedBy("own_rotated", "rotated_service", "first-secret");

        DatabaseLogin second = servers.createDatabaseOwnedBy("own_rotated", "rotated_service", "second-secret");

        connect(second).close();
        assertThatThrownBy(() -> connect(first).close())
                .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState())
                        .isEqualTo(INVALID_PASSWORD));
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefused() {
        assertThatThrownBy(() -> servers.createDatabaseOwnedBy("own_x", "x\" SUPERUSER --", "secret"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> servers.createDatabaseOwnedBy("Own", "own_role", "secret"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Relations, routines, types and schemas outside PostgreSQL's own schemas whose owner is someone else. */
    private static List<String> objectsNotOwnedBy(Connection connection, String role) throws SQLException {
        String user = " NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
        List<String> objects = new ArrayList<>();
        objects.addAll(query(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname" + user + " AND pg_get_userbyid(c.relowner) <> '" + role + "'"));
        objects.addAll(query(connection, "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname" + user + " AND pg_get_userbyid(p.proowner) <> '" + role + "'"));
        objects.addAll(query(connection, "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE n.nspname" + user + " AND pg_get_userbyid(t.typowner) <> '" + role + "'"));
        objects.addAll(query(connection, "SELECT n.nspname FROM pg_namespace n WHERE n.nspname" + user
                + " AND n.nspname <> 'public' AND pg_get_userbyid(n.nspowner) <> '" + role + "'"));
        return objects;
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

    private static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
