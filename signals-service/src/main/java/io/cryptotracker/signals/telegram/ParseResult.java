package io.cryptotracker.signals.telegram;

import java.util.List;

/**
 * What the parser made of a post: the signals it read (one post may hold several) and, when it read none or
 * skipped a part, why.
 */
public record ParseResult(List<ParsedSignal> signals, String reason) {

    public ParseResult {
        signals = List.copyOf(signals);
    }

    public boolean parsed() {
        return !signals.isEmpty();
    }

    static ParseResult unparsed(String reason) {
        return new ParseResult(List.of(), reason);
    }
}
