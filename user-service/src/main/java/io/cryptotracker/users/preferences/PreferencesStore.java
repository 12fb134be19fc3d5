package io.cryptotracker.users.preferences;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_preferences} table. */
@Repository
public class PreferencesStore {

    private static final String COLUMNS = "channel_browser, channel_email, channel_sound, kinds, min_spread_percent, "
            + "symbols_allow, symbols_deny, quiet_start, quiet_end, timezone";

    private final JdbcClient jdbc;

    public PreferencesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if inserted, false if the user has preferences already. */
    public boolean insertIfAbsent(UUID userId, Preferences preferences, Instant now) {
        return jdbc.sql("INSERT INTO user_preferences (user_id, " + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, "
                + "string_to_array(?, ','), ?, string_to_array(?, ','), string_to_array(?, ','), ?, ?, ?, ?) "
                + "ON CONFLICT (user_id) DO NOTHING").params(params(userId, preferences, now, true)).update() == 1;
    }

    public Optional<Preferences> find(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_preferences WHERE user_id = ?").param(userId)
                .query(PreferencesStore::map).optional();
    }

    /** Reads and locks the row until the transaction ends, so two concurrent changes merge one after the other. */
    public Optional<Preferences> findForUpdate(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_preferences WHERE user_id = ? FOR UPDATE").param(userId)
                .query(PreferencesStore::map).optional();
    }

    public void update(UUID userId, Preferences preferences, Instant now) {
        jdbc.sql("UPDATE user_preferences SET channel_browser = ?, channel_email = ?, channel_sound = ?, "
                + "kinds = string_to_array(?, ','), min_spread_percent = ?, symbols_allow = string_to_array(?, ','), "
                + "symbols_deny = string_to_array(?, ','), quiet_start = ?, quiet_end = ?, timezone = ?, updated_at = ? "
                + "WHERE user_id = ?").params(params(userId, preferences, now, false)).update();
    }

    private static List<Object> params(UUID userId, Preferences p, Instant now, boolean idFirst) {
        // kinds and symbols never contain commas (validated), so a joined string is a safe array literal
        List<Object> values = new java.util.ArrayList<>(Arrays.asList(p.channels().browser(), p.channels().email(),
                p.channels().sound(), String.join(",", p.kinds()), p.minSpreadPercent(),
                String.join(",", p.symbolsAllow()), String.join(",", p.symbolsDeny()),
                p.quietHours() == null ? null : Time.valueOf(p.quietHours().start()),
                p.quietHours() == null ? null : Time.valueOf(p.quietHours().end()), p.timezone(),
                Timestamp.from(now)));
        if (idFirst) {
            values.add(0, userId);
        }
        else {
            values.add(userId);
        }
        return values;
    }

    private static Preferences map(ResultSet rs, int row) throws SQLException {
        Time start = rs.getTime("quiet_start");
        Time end = rs.getTime("quiet_end");
        return new Preferences(
                new Preferences.Channels(rs.getBoolean("channel_browser"), rs.getBoolean("channel_email"),
                        rs.getBoolean("channel_sound")),
                list(rs.getArray("kinds")), rs.getBigDecimal("min_spread_percent"), list(rs.getArray("symbols_allow")),
                list(rs.getArray("symbols_deny")),
                start == null ? null : new Preferences.QuietHours(start.toLocalTime(), end.toLocalTime()),
                rs.getString("timezone"));
    }

    private static List<String> list(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
