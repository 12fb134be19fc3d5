package io.cryptotracker.common.symbols;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.regex.Pattern;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * A Liquibase change that rewrites stored symbols into the one spelling of {@link Symbols} – in Java, because the
 * rules (multipliers, which quote a glued name ends with) would otherwise be written a second time in SQL. Reads a
 * text column, a {@code TEXT[]} column (each element; duplicates the rewrite makes are dropped, order kept) or, with
 * {@code member}, one member of a JSONB object column. A value the rules cannot read is kept as it is.
 * <pre>
 * - customChange: { class: io.cryptotracker.common.symbols.SymbolRewrite, table: signal_funding_rate, column: symbol }
 * </pre>
 */
public class SymbolRewrite implements CustomTaskChange {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private String table;

    private String column;

    private String keyColumn = "id";

    private String member;

    private int rewritten;

    public void setTable(String table) {
        this.table = table;
    }

    public void setColumn(String column) {
        this.column = column;
    }

    /** The primary key column; {@code id} unless set. */
    public void setKeyColumn(String keyColumn) {
        this.keyColumn = keyColumn;
    }

    /** The member of a JSONB object column that holds the symbol; unset for a text or text array column. */
    public void setMember(String member) {
        this.member = member;
    }

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        String value = member == null ? column : column + " ->> '" + member + "'";
        String update = member == null ? column + " = ?"
                : column + " = jsonb_set(" + column + ", '{" + member + "}', to_jsonb(?::text))";
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + keyColumn + ", " + value + " FROM " + table + " WHERE " + value + " IS NOT NULL");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE " + table + " SET " + update + " WHERE " + keyColumn + " = ?")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                boolean array = rows.getMetaData().getColumnType(2) == Types.ARRAY;
                while (rows.next()) {
                    Object key = rows.getObject(1);
                    if (array ? rewriteArray(connection, write, rows.getArray(2)) : rewriteText(write, rows.getString(2))) {
                        write.setObject(2, key);
                        write.addBatch();
                        rewritten++;
                    }
                }
            }
            write.executeBatch();
        }
        catch (SQLException ex) {
            throw new CustomChangeException("Could not rewrite the symbols of " + table + "." + column, ex);
        }
    }

    private static boolean rewriteText(PreparedStatement write, String stored) throws SQLException {
        String unified = Symbols.normalize(stored).orElse(stored);
        write.setString(1, unified);
        return !unified.equals(stored);
    }

    private static boolean rewriteArray(Connection connection, PreparedStatement write, Array stored)
            throws SQLException {
        String[] before = (String[]) stored.getArray();
        String[] after = Arrays.stream(before).map(symbol -> symbol == null ? null : Symbols.normalize(symbol).orElse(symbol))
                .distinct().toArray(String[]::new);
        write.setArray(1, connection.createArrayOf("text", after));
        return !Arrays.equals(before, after);
    }

    @Override
    public String getConfirmationMessage() {
        return rewritten + " symbols of " + table + "." + column + " rewritten into the one spelling";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors();
        for (String name : new String[] { table, column, keyColumn }) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                errors.addError("table, column and keyColumn must be lower-case SQL names, got " + name);
            }
        }
        if (member != null && !IDENTIFIER.matcher(member).matches()) {
            errors.addError("member must be a lower-case JSON member name, got " + member);
        }
        return errors;
    }
}
