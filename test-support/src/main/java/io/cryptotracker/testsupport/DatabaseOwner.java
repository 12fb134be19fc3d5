package io.cryptotracker.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * Makes a login role the owner of one database and of everything in it, and gives it nothing else: no superuser,
 * no CREATEDB, no CREATEROLE, and no CONNECT on databases whose CONNECT was taken from PUBLIC. Every step checks
 * before it changes, so running it again, or on a database a superuser created and filled earlier, converges.
 */
final class DatabaseOwner {

    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String DUPLICATE_ROLE = "42710";
    private static final String ROLE_ATTRIBUTES =
            "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    // schemas the role's objects may live in: all but PostgreSQL's own
    private static final String USER_SCHEMAS = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

    private DatabaseOwner() {
    }

    /** Creates or updates the role; sets its password on the client side (SCRAM), so no plain text reaches the server. */
    static void ensureRole(Connection admin, String role, String password) throws SQLException {
        requireIdentifier(role);
        if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + quote(role) + " " + ROLE_ATTRIBUTES);
            }
            catch (SQLException ex) {
                if (!DUPLICATE_ROLE.equals(ex.getSQLState())) {
                    throw ex;
                }
            }
        }
        try (Statement statement = admin.createStatement()) {
            // an existing role may have been created with more rights: take them away
            statement.execute("ALTER ROLE " + quote(role) + " " + ROLE_ATTRIBUTES);
        }
        admin.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    /** Creates the database owned by the role, or hands an existing one to it; revokes every right of PUBLIC on it. */
    static void ensureDatabase(Connection admin, String database, String owner) throws SQLException {
        requireIdentifier(database);
        requireIdentifier(owner);
        if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + quote(database) + " OWNER " + quote(owner));
            }
            catch (SQLException ex) {
                if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
                    throw ex;
                }
            }
        }
        if (!exists(admin, "SELECT 1 FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba "
                + "WHERE d.datname = ? AND r.rolname = '" + owner + "'", database)) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("ALTER DATABASE " + quote(database) + " OWNER TO " + quote(owner));
            }
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("REVOKE ALL ON DATABASE " + quote(database) + " FROM PUBLIC");
        }
    }

    /**
     * Inside the database (a superuser's connection to it): hands the schemas, tables, views, sequences, functions
     * and types that another role owns (a superuser, before this role existed) to the owner. REASSIGN OWNED cannot
     * do it for the bootstrap superuser, which also owns the system catalogs.
     *
     * @return the statements it ran, e.g. {@code ALTER TABLE public.users OWNER TO "auth_service"}
     */
    static List<String> takeOverObjects(Connection adminInDatabase, String owner) throws SQLException {
        requireIdentifier(owner);
        String notOwned = " <> (SELECT oid FROM pg_roles WHERE rolname = '" + owner + "')";
        List<String> statements = new ArrayList<>();
        collect(adminInDatabase, statements, "SELECT 'ALTER SCHEMA ' || quote_ident(n.nspname) FROM pg_namespace n "
                + "WHERE " + USER_SCHEMAS + " AND n.nspname <> 'public' AND n.nspowner" + notOwned);
        // tables, views, materialized views, foreign tables; sequences only when no column owns them (those
        // follow their table)
        collect(adminInDatabase, statements, "SELECT CASE c.relkind WHEN 'v' THEN 'ALTER VIEW ' "
                + "WHEN 'm' THEN 'ALTER MATERIALIZED VIEW ' WHEN 'S' THEN 'ALTER SEQUENCE ' "
                + "WHEN 'f' THEN 'ALTER FOREIGN TABLE ' ELSE 'ALTER TABLE ' END "
                + "|| quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE " + USER_SCHEMAS + " AND c.relowner" + notOwned
                + " AND (c.relkind IN ('r', 'p', 'v', 'm', 'f') OR (c.relkind = 'S' AND NOT EXISTS ("
                + "SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
                + "AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))))");
        collect(adminInDatabase, statements, "SELECT 'ALTER ROUTINE ' || p.oid::regprocedure FROM pg_proc p "
                + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMAS + " AND p.proowner" + notOwned
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')");
        // enums, ranges, domains and free-standing composite types; array and table row types follow their owner
        collect(adminInDatabase, statements, "SELECT CASE t.typtype WHEN 'd' THEN 'ALTER DOMAIN ' ELSE 'ALTER TYPE ' END "
                + "|| t.oid::regtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE " + USER_SCHEMAS + " AND t.typowner" + notOwned + " AND (t.typtype IN ('e', 'r', 'd') "
                + "OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')) "
                + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')");
        List<String> ran = new ArrayList<>();
        try (Statement statement = adminInDatabase.createStatement()) {
            for (String alter : statements) {
                String sql = alter + " OWNER TO " + quote(owner);
                statement.execute(sql);
                ran.add(sql);
            }
        }
        return ran;
    }

    static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Database and role names must match " + IDENTIFIER + ", was " + name);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void collect(Connection connection, List<String> into, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                into.add(rows.getString(1));
            }
        }
    }
}
