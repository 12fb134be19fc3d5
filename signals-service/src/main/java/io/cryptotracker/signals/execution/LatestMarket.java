package io.cryptotracker.signals.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.MarketSnapshot.OrderBook;

/**
 * The latest snapshot of each symbol this replica read, with the order books of earlier rounds kept while they are
 * fresh: market-service reads a symbol's depth only in rounds where its spread is near a threshold and within the
 * venues' request budget, so a book may arrive one round and not the next. The position calculator prices from here.
 * In memory, fed by every snapshot of every partition (signals-service's {@code market.LatestMarketFeed}): a replica
 * that has not read a symbol since it started has no market for it.
 */
public class LatestMarket {

    private final Map<String, MarketSnapshot> latest = new ConcurrentHashMap<>();
    private final Duration bookMaxAge;

    public LatestMarket(Duration bookMaxAge) {
        this.bookMaxAge = bookMaxAge;
    }

    /**
     * Keeps {@code snapshot} as its symbol's latest and answers it with the books it lacks taken from the previous
     * one, when they are still fresh at {@code now}.
     */
    public MarketSnapshot remember(MarketSnapshot snapshot, Instant now) {
        return latest.merge(snapshot.symbol(), snapshot, (previous, next) -> merged(previous, next, now));
    }

    public Optional<MarketSnapshot> latest(String symbol) {
        return Optional.ofNullable(latest.get(symbol));
    }

    private MarketSnapshot merged(MarketSnapshot previous, MarketSnapshot next, Instant now) {
        if (next.occurredAt() != null && previous.occurredAt() != null
                && next.occurredAt().isBefore(previous.occurredAt())) {
            // two readers (detection, the calculator's feed) may hand in the same rounds in another order
            return previous;
        }
        List<OrderBook> books = new ArrayList<>(next.books());
        for (OrderBook old : previous.books()) {
            boolean replaced = books.stream()
                    .anyMatch(book -> book.venue().equals(old.venue()) && book.market().equals(old.market()));
            if (!replaced && fresh(old, now)) {
                books.add(old);
            }
        }
        return books.size() == next.books().size() ? next : next.withBooks(books);
    }

    private boolean fresh(OrderBook book, Instant now) {
        return book.quotedAt() != null && !book.quotedAt().isBefore(now.minus(bookMaxAge));
    }
}
