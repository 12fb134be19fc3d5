package io.cryptotracker.notifications.realtime;

import java.math.BigDecimal;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cryptotracker.notifications.realtime.SocketFilter.Subscription;
import io.cryptotracker.notifications.users.Preferences;
import io.cryptotracker.notifications.users.SignalMatcher;

/**
 * One filter object per distinct choice, shared by every socket that made it (most sockets keep the defaults): the
 * fan-out walks 10,000 sockets per signal, and a set probed on every one of them stays in the CPU cache when it is
 * the same set, rather than one copy per socket (issue 17's profile: 6 % of the service's CPU in set probes that
 * missed the cache). Immutable values, kept while a socket holds them.
 */
final class SharedFilters {

    private static final Cache<Object, Object> FILTERS = Caffeine.newBuilder().weakValues().build();

    private SharedFilters() {
    }

    /** {@link SocketFilter#of}, shared. */
    static SocketFilter socketFilter(Preferences prefs, Subscription subscription) {
        return (SocketFilter) FILTERS.get(new FilterKey(key(prefs), subscription),
                key -> SocketFilter.of(prefs, subscription));
    }

    /** {@link SignalMatcher#compile}, shared. */
    static SignalMatcher.Compiled notification(Preferences prefs) {
        return (SignalMatcher.Compiled) FILTERS.get(key(prefs), key -> SignalMatcher.compile(prefs));
    }

    private static PreferencesKey key(Preferences prefs) {
        return new PreferencesKey(prefs.kinds(), prefs.minSpreadPercent(), prefs.symbolsAllow(), prefs.symbolsDeny());
    }

    /** What of the preferences the filters read. */
    private record PreferencesKey(List<String> kinds, BigDecimal minSpreadPercent, List<String> allow,
            List<String> deny) {
    }

    private record FilterKey(PreferencesKey prefs, Subscription subscription) {
    }
}
