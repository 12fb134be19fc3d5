package io.cryptotracker.signals.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import io.cryptotracker.testsupport.Migrations;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SymbolSpellingMigrationTest {

    @Test
    void signalsStoredInAnOlderSpellingAreRewrittenIntoTheOneSpelling() {
        DataSource database = Migrations.newDatabase();
        Migrations.update(database, "!symbols-one-spelling");
        JdbcClient jdbc = JdbcClient.create(database);
        UUID pepe = signal(jdbc, "signal_mexc_spot_futures", "1000PEPE/USDT", "OPEN");
        UUID shib = signal(jdbc, "signal_funding_rate", "SHIB1000/USDT", "CLOSED");
        UUID btc = signal(jdbc, "signal_mexc_dex", "BTC/USDT", "OPEN");
        UUID odd = signal(jdbc, "signal_mexc_dex", "NOT A SYMBOL", "CLOSED");
        jdbc.sql("INSERT INTO signal_history (seq, signal_id, change, changed_at, spread_percent, net_spread_percent, "
                + "data) VALUES (1, ?, 'created', now(), 1, 1, '{\"symbol\": \"1000PEPE/USDT\", \"kind\": \"x\"}')")
                .param(pepe).update();

        Migrations.update(database, null);

        assertThat(symbol(jdbc, "signal_mexc_spot_futures", pepe)).isEqualTo("PEPE/USDT");
        assertThat(symbol(jdbc, "signal_funding_rate", shib)).isEqualTo("SHIB/USDT");
        assertThat(symbol(jdbc, "signal_mexc_dex", btc)).isEqualTo("BTC/USDT");
        assertThat(symbol(jdbc, "signal_mexc_dex", odd)).isEqualTo("NOT A SYMBOL");
        assertThat(jdbc.sql("SELECT data::text FROM signal_history WHERE seq = 1").query(String.class).single())
                .contains("\"symbol\": \"PEPE/USDT\"", "\"kind\": \"x\"");
    }

    private static UUID signal(JdbcClient jdbc, String table, String symbol, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO " + table + " (id, symbol, venue_key, spread_percent, net_spread_percent, "
                + "peak_spread_percent, status, source, detected_at, updated_at) "
                + "VALUES (?, ?, 'telegram:1:1:0', 1, 1, 1, ?, 'TELEGRAM', now(), now())")
                .params(id, symbol, status).update();
        return id;
    }

    private static String symbol(JdbcClient jdbc, String table, UUID id) {
        return jdbc.sql("SELECT symbol FROM " + table + " WHERE id = ?").param(id).query(String.class).single();
    }
}
