package io.cryptotracker.common.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON string that breaks {@link InputText}'s rule; Jackson adds the path, the advice names it as the field. */
public class InvalidTextException extends InvalidFormatException {

    public InvalidTextException(JsonParser parser, String value) {
        super(parser, "String " + InputText.INVALID, value, String.class);
    }
}
