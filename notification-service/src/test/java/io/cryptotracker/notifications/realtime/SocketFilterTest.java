package io.cryptotracker.notifications.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.notifications.realtime.SocketFilter.Subscription;
import io.cryptotracker.notifications.users.Preferences;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** What a socket's filter lets through: preferences by default, subscribe fields override one by one. */
class SocketFilterTest {

    private static final Preferences PREFS = new Preferences(new Preferences.Channels(true, false, true),
            List.of("funding-rate"), new BigDecimal("2"), List.of(), List.of("DOGE/USDT"), null, "UTC");

    @Test
    void withoutSubscribeThePreferencesDecide() {
        SocketFilter filter = SocketFilter.of(PREFS, Subscription.PREFERENCES);

        assertThat(filter.accepts(frame("created", "funding-rate", "BTC/USDT", "2.5"))).isTrue();
        assertThat(filter.accepts(frame("created", "mexc-dex", "BTC/USDT", "2.5"))).isFalse();
        assertThat(filter.accepts(frame("created", "funding-rate", "BTC/USDT", "1.9"))).isFalse();
        assertThat(filter.accepts(frame("created", "funding-rate", "DOGE/USDT", "5"))).isFalse();
    }

    @Test
    void minSpreadAppliesToCreatedAndUpdatedOnly() {
        SocketFilter filter = SocketFilter.of(PREFS, Subscription.PREFERENCES);

        assertThat(filter.accepts(frame("updated", "funding-rate", "BTC/USDT", "1"))).isFalse();
        assertThat(filter.accepts(frame("closed", "funding-rate", "BTC/USDT", "0.1"))).isTrue();
        assertThat(filter.accepts(frame("deleted", "funding-rate", "BTC/USDT", "0.1"))).isTrue();
    }

    @Test
    void subscribeOverridesFieldByFieldAndMatchesAnySymbolSpellingOrTheBase() {
        SocketFilter filter = SocketFilter.of(PREFS, new Subscription(List.of(), List.of("btc-usdt", "ETH"), null));

        assertThat(filter.accepts(frame("created", "mexc-dex", "BTC/USDT", "2.5"))).isTrue();
        assertThat(filter.accepts(frame("created", "mexc-dex", "ETH/BTC", "2.5"))).isTrue();
        assertThat(filter.accepts(frame("created", "mexc-dex", "SOL/USDT", "2.5"))).isFalse();
        assertThat(filter.accepts(frame("created", "mexc-dex", "BTC/USDT", "1.5"))).isFalse();

        SocketFilter lower = SocketFilter.of(PREFS, new Subscription(null, null, new BigDecimal("0.5")));
        assertThat(lower.accepts(frame("created", "funding-rate", "BTC/USDT", "0.6"))).isTrue();
        assertThat(lower.accepts(frame("created", "funding-rate", "DOGE/USDT", "5"))).isFalse();
    }

    private static SignalFrame frame(String event, String kind, String symbol, String spread) {
        SignalData data = new SignalData(UUID.randomUUID(), kind, symbol, new BigDecimal(spread), BigDecimal.ONE,
                BigDecimal.ONE, "OPEN", "DETECTOR", Instant.now(), Instant.now(), null, null, null, null, null);
        return new SignalFrame(1, event, UUID.randomUUID(), Instant.now(), data, Unpooled.EMPTY_BUFFER, null);
    }
}
