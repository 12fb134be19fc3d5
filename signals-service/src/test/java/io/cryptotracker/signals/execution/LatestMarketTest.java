package io.cryptotracker.signals.execution;

import static io.cryptotracker.signals.execution.Books.levels;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.MarketSnapshot.OrderBook;
import org.junit.jupiter.api.Test;

class LatestMarketTest {

    static final Instant NOW = Instant.parse("2026-12-03T22:00:00Z");

    final LatestMarket latest = new LatestMarket(Duration.ofSeconds(30));

    @Test
    void aBookOfAnEarlierRoundIsKeptWhileFreshAndReplacedByANewerOne() {
        OrderBook spot = book("spot", NOW.minusSeconds(10));
        latest.remember(round(NOW.minusSeconds(10), spot), NOW.minusSeconds(10));

        MarketSnapshot next = latest.remember(round(NOW.minusSeconds(5)), NOW);
        assertThat(next.books()).containsExactly(spot);

        OrderBook newer = book("spot", NOW);
        assertThat(latest.remember(round(NOW, newer), NOW).books()).containsExactly(newer);
        assertThat(latest.latest("PEPE/USDT")).get().extracting(MarketSnapshot::books).asList()
                .containsExactly(newer);
    }

    @Test
    void aBookOlderThanTheLimitIsDropped() {
        latest.remember(round(NOW.minusSeconds(40), book("spot", NOW.minusSeconds(40))), NOW.minusSeconds(40));

        assertThat(latest.remember(round(NOW), NOW).books()).isEmpty();
    }

    @Test
    void anOlderSnapshotHandedInLateDoesNotReplaceANewerOne() {
        MarketSnapshot newer = round(NOW);
        latest.remember(newer, NOW);

        assertThat(latest.remember(round(NOW.minusSeconds(5)), NOW)).isSameAs(newer);
        assertThat(latest.latest("PEPE/USDT")).containsSame(newer);
        assertThat(latest.latest("WIF/USDT")).isEmpty();
    }

    static OrderBook book(String market, Instant at) {
        return new OrderBook("mexc", market, levels("0.00001921", "1000000"), levels("0.00001923", "1000000"), at);
    }

    static MarketSnapshot round(Instant at, OrderBook... books) {
        return new MarketSnapshot(UUID.randomUUID(), MarketSnapshot.TYPE, 1, at, "PEPE/USDT", "PEPE", "USDT",
                List.of(), List.of(), List.of(), List.of(books));
    }
}
