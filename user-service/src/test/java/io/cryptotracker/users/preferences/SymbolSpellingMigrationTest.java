package io.cryptotracker.users.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import io.cryptotracker.testsupport.Migrations;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SymbolSpellingMigrationTest {

    @Test
    void listsStoredInAnOlderSpellingAreRewrittenIntoTheOneSpellingOnceEach() {
        DataSource database = Migrations.newDatabase();
        Migrations.update(database, "!symbols-one-spelling");
        JdbcClient jdbc = JdbcClient.create(database);
        UUID user = UUID.randomUUID();
        jdbc.sql("INSERT INTO user_profiles (id, email, created_at, updated_at) VALUES (?, 'a@example.com', now(), now())")
                .param(user).update();
        jdbc.sql("INSERT INTO user_preferences (user_id, channel_browser, channel_email, channel_sound, kinds, "
                + "min_spread_percent, symbols_allow, symbols_deny, timezone, updated_at) VALUES (?, true, false, true, "
                + "'{}', 1, '{1000PEPE/USDT,PEPE/USDT,BTC/USDT}', '{SHIB1000/USDT}', 'UTC', now())")
                .param(user).update();

        Migrations.update(database, null);

        assertThat(jdbc.sql("SELECT array_to_string(symbols_allow, ',') FROM user_preferences").query(String.class)
                .single()).isEqualTo("PEPE/USDT,BTC/USDT");
        assertThat(jdbc.sql("SELECT array_to_string(symbols_deny, ',') FROM user_preferences").query(String.class)
                .single()).isEqualTo("SHIB/USDT");
    }
}
