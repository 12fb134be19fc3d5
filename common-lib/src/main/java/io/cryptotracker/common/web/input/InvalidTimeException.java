package io.cryptotracker.common.web.input;

import java.time.Instant;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON time outside {@link StorableTime}'s years; Jackson adds the path, the advice names it as the field. */
public class InvalidTimeException extends InvalidFormatException {

    public InvalidTimeException(JsonParser parser, Object value) {
        super(parser, "Time " + StorableTime.OUT_OF_RANGE, value, Instant.class);
    }
}
