package io.cryptotracker.signals.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot.Level;
import io.cryptotracker.common.events.MarketSnapshot.OrderBook;

/** Fixed books for the tests: levels written as {@code "price", "qty"} pairs, best first. */
final class Books {

    private Books() {
    }

    static List<Level> levels(String... priceQtyPairs) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < priceQtyPairs.length; i += 2) {
            levels.add(new Level(new BigDecimal(priceQtyPairs[i]), new BigDecimal(priceQtyPairs[i + 1])));
        }
        return levels;
    }

    static OrderBook book(String market, List<Level> bids, List<Level> asks) {
        return new OrderBook("mexc", market, bids, asks, Instant.parse("2026-12-03T20:00:00Z"));
    }

    static BigDecimal usdt(String amount) {
        return new BigDecimal(amount);
    }
}
