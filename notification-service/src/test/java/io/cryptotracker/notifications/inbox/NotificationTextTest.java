package io.cryptotracker.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

    @Test
    void idsAreDeterministicPerUserAndEvent() {
        UUID user = UUID.randomUUID();
        UUID event = UUID.randomUUID();

        assertThat(NotificationIds.of(user, event)).isEqualTo(NotificationIds.of(user, event))
                .isNotEqualTo(NotificationIds.of(UUID.randomUUID(), event))
                .isEqualTo(UUID.nameUUIDFromBytes((user + ":" + event).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void titleAndBodyNameKindSymbolSpreadAndWhatToDo() {
        Instant now = Instant.parse("2026-11-24T02:00:00Z");
        SignalData funding = new SignalData(UUID.randomUUID(), SignalData.FUNDING_RATE, "BTC/USDT",
                new BigDecimal("2.3456"), new BigDecimal("2.1"), new BigDecimal("2.3456"), "OPEN", "DETECTOR", now, now,
                null, null, new SignalData.Funding("binance", "bybit", null, null, null, null, 8, 8, null, null, null,
                        null, null), null, null);

        assertThat(NotificationText.title(funding)).isEqualTo("Funding rate BTC/USDT: 2.35% spread");
        assertThat(NotificationText.body(funding))
                .isEqualTo("Long on binance, short on bybit. Net spread 2.1% after fees. Source: detector.");
        assertThat(NotificationText.percent(new BigDecimal("1.000"))).isEqualTo("1%");
    }
}
