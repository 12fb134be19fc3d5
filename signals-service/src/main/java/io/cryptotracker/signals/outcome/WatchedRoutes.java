package io.cryptotracker.signals.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The routes whose outcomes still have checkpoints to take, in memory, so that the detector asks the database only
 * about candidates of a watched route. Reloaded every few seconds from the partial index
 * {@code signal_outcomes_watched} (signals other replicas opened), and added to at once when this replica opens one;
 * a route added here stays for a minute even before the reload sees it committed.
 */
@Component
class WatchedRoutes {

    private static final Duration ADDED_KEPT = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Route, Instant> added = new ConcurrentHashMap<>();
    private volatile Set<Route> loaded = Set.of();

    WatchedRoutes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One route: kind (API name), symbol and the detector's venue key. */
    record Route(String kind, String symbol, String venueKey) {
    }

    boolean contains(String kind, String symbol, String venueKey) {
        Route route = new Route(kind, symbol, venueKey);
        return loaded.contains(route) || added.containsKey(route);
    }

    void add(Route route) {
        added.put(route, clock.instant());
    }

    @Scheduled(fixedDelayString = "${signals.outcomes.watch-refresh-interval:5s}")
    void reload() {
        Set<Route> routes = new HashSet<>(jdbc.sql("SELECT DISTINCT kind, symbol, venue_key FROM signal_outcomes "
                + "WHERE NOT complete").query((rs, row) -> new Route(rs.getString("kind"), rs.getString("symbol"),
                        rs.getString("venue_key"))).list());
        Instant forgetBefore = clock.instant().minus(ADDED_KEPT);
        added.entrySet().removeIf(entry -> routes.contains(entry.getKey()) || entry.getValue().isBefore(forgetBefore));
        loaded = Set.copyOf(routes);
    }
}
