package io.cryptotracker.common.web.input;

import java.time.Instant;

/**
 * The times a client may send: years 0001 to 9999. Java reads far wider ones (year 1,000,000,000 is a valid
 * {@link Instant}), which PostgreSQL then refuses mid-query.
 */
public final class StorableTime {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The message a refused time carries in a 400's {@code errors[]}. */
    public static final String OUT_OF_RANGE = "must be a time between the years 0001 and 9999";

    private StorableTime() {
    }

    /** Whether the time (null passes) is one we can store and compare in the database. */
    public static boolean isStorable(Instant time) {
        return time == null || (!time.isBefore(EARLIEST) && !time.isAfter(LATEST));
    }
}
