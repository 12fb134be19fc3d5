package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.cryptotracker.signals.telegram.PostText.Line;

/** Label lookups over the lines of a post part. */
final class Labels {

    private Labels() {
    }

    static boolean has(List<Line> part, List<String> labels) {
        return part.stream().anyMatch(line -> line.startsWith(labels));
    }

    /** The text after the first line starting with one of the labels. */
    static Optional<String> value(List<Line> part, List<String> labels) {
        return part.stream().map(line -> line.after(labels)).flatMap(Optional::stream).findFirst();
    }

    /** The first number after the first line starting with one of the labels that has a number. */
    static Optional<BigDecimal> number(List<Line> part, List<String> labels) {
        return part.stream().map(line -> line.after(labels)).flatMap(Optional::stream)
                .map(PostText::firstNumber).flatMap(Optional::stream).findFirst();
    }
}
