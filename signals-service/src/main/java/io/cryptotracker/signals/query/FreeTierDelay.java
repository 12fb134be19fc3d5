package io.cryptotracker.signals.query;

import java.time.Clock;
import java.time.Instant;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.signals.config.SignalsProperties;
import org.springframework.stereotype.Component;

/** FREE users see a signal only once it is {@code signals.free-delay} old; VIP users and admins at once. */
@Component
public class FreeTierDelay {

    private final SignalsProperties properties;
    private final Clock clock;

    FreeTierDelay(SignalsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The latest detection time the user may see, or null when they see everything. */
    public Instant visibleBefore(AuthenticatedUser user) {
        if (user.isVip() || user.isAdmin()) {
            return null;
        }
        return clock.instant().minus(properties.freeDelay());
    }

    boolean maySee(AuthenticatedUser user, Instant detectedAt) {
        Instant cutoff = visibleBefore(user);
        return cutoff == null || !detectedAt.isAfter(cutoff);
    }
}
