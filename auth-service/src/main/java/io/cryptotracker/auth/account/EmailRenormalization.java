package io.cryptotracker.auth.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase change: recomputes {@code users.email_normalized} of existing rows with the NFKC rule of
 * {@link EmailAddress#normalize} (before it, only trimmed and lower-cased). Where two accounts now share one
 * normalized address (an earlier look-alike such as {@code ａｌｉｃｅ@example.com} next to
 * {@code alice@example.com}), the account already holding the address keeps it, else the oldest account gets it;
 * the others keep their old value, so nobody signs in with them any more (sign-in normalizes what is typed), and a
 * WARN names their ids for an operator. Accounts whose address breaks the look-alike rule (invisible characters,
 * mixed scripts) are named the same way: sign-in refuses such an address with 400.
 */
public class EmailRenormalization implements CustomTaskChange {

    private static final Logger log = LoggerFactory.getLogger(EmailRenormalization.class);

    /** A stored account, oldest first. */
    record StoredEmail(UUID id, String email, String normalized) {
    }

    /**
     * What to do.
     *
     * @param updates new {@code email_normalized} per account id
     * @param collisions accounts that keep their old value because another account has the address
     * @param refused accounts whose address breaks the look-alike rule
     */
    record Plan(Map<UUID, String> updates, List<UUID> collisions, List<UUID> refused) {
    }

    /** Decides the new values for rows in creation order (oldest first). */
    static Plan plan(List<StoredEmail> oldestFirst) {
        Set<String> taken = new HashSet<>();
        oldestFirst.forEach(row -> taken.add(row.normalized()));
        Map<UUID, String> updates = new LinkedHashMap<>();
        List<UUID> collisions = new ArrayList<>();
        List<UUID> refused = new ArrayList<>();
        for (StoredEmail row : oldestFirst) {
            if (EmailAddress.refusal(row.email()).isPresent()) {
                refused.add(row.id());
            }
            String normalized = EmailAddress.normalize(row.email());
            if (normalized.equals(row.normalized())) {
                continue;
            }
            if (taken.contains(normalized) || normalized.length() > EmailAddress.MAX_LENGTH) {
                collisions.add(row.id());
                continue;
            }
            taken.add(normalized);
            updates.put(row.id(), normalized);
        }
        return new Plan(updates, collisions, refused);
    }

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            Plan plan = plan(read(connection));
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users SET email_normalized = ? WHERE id = ?")) {
                for (Map.Entry<UUID, String> entry : plan.updates().entrySet()) {
                    update.setString(1, entry.getValue());
                    update.setObject(2, entry.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            if (!plan.collisions().isEmpty()) {
                log.warn("{} account(s) look like an older account's email and can no longer sign in with it: {}",
                        plan.collisions().size(), plan.collisions());
            }
            if (!plan.refused().isEmpty()) {
                log.warn("{} account(s) have an email with invisible characters or mixed scripts and can no longer "
                        + "sign in with it: {}", plan.refused().size(), plan.refused());
            }
            log.info("Re-normalized the email of {} account(s) (NFKC)", plan.updates().size());
        }
        catch (SQLException ex) {
            throw new CustomChangeException("Could not re-normalize users.email_normalized", ex);
        }
    }

    private static List<StoredEmail> read(Connection connection) throws SQLException {
        List<StoredEmail> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, email, email_normalized FROM users ORDER BY created_at, id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new StoredEmail(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("email_normalized")));
            }
        }
        return rows;
    }

    @Override
    public String getConfirmationMessage() {
        return "users.email_normalized re-normalized with NFKC";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
