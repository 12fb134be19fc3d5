package io.cryptotracker.market.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One venue's depth budget: at most {@code perMinute} units (requests, or Binance's weight) in any 60 seconds, and
 * in one round about its share of that ({@code perMinute × poll interval / 1 min}, at least one read), so the
 * budget is spread over the minute rather than spent in the first round. A read counts when it is planned, whether
 * the venue then answers or not – the venue counts it either way.
 */
final class DepthBudget {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final int perRound;
    private final Deque<Spent> window = new ArrayDeque<>();
    private int spentInWindow;
    private int spentThisRound;

    DepthBudget(int perMinute, Duration pollInterval) {
        this.perMinute = perMinute;
        this.perRound = (int) Math.max(1, perMinute * pollInterval.toMillis() / WINDOW.toMillis());
    }

    synchronized void startRound() {
        spentThisRound = 0;
    }

    /** Takes {@code weight} units if both the round's share and the last minute allow it. */
    synchronized boolean tryTake(int weight, Instant now) {
        while (!window.isEmpty() && !window.peekFirst().at().isAfter(now.minus(WINDOW))) {
            spentInWindow -= window.pollFirst().weight();
        }
        if (spentInWindow + weight > perMinute || (spentThisRound > 0 && spentThisRound + weight > perRound)) {
            return false;
        }
        window.addLast(new Spent(now, weight));
        spentInWindow += weight;
        spentThisRound += weight;
        return true;
    }

    private record Spent(Instant at, int weight) {
    }
}
