package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forgiving reading of a post's lines: emoji, bullets and markup dropped, case folded, Unicode minus read as
 * minus, decimal commas read as points, labels matched with or without a colon.
 */
final class PostText {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])([-+]?)\\s?(\\d+(?:[.,]\\d+)*)");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private PostText() {
    }

    /** One line of a post as written and in its cleaned, lower-case form. */
    record Line(String raw, String clean) {

        static Line of(String raw) {
            return new Line(raw, PostText.clean(raw));
        }

        /** The text after the first label that starts this line, separators stripped; empty if none matches. */
        Optional<String> after(List<String> labels) {
            for (String label : labels) {
                if (clean.startsWith(label)) {
                    String rest = clean.substring(label.length());
                    if (!rest.isEmpty() && Character.isLetterOrDigit(rest.codePointAt(0))) {
                        continue;
                    }
                    return Optional.of(rest.replaceFirst("^[\\s:=\\-]+", "").strip());
                }
            }
            return Optional.empty();
        }

        boolean startsWith(List<String> labels) {
            return after(labels).isPresent();
        }

        boolean contains(String text) {
            return clean.contains(text);
        }
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            Line line = Line.of(raw);
            if (!line.clean().isEmpty() && !line.clean().matches("[\\-=_.*~|]+")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Lower case, emoji and decorations removed, spacing collapsed; letters of any script stay. */
    static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int[] points = raw.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            boolean digitFollows = i + 1 < points.length && Character.isDigit(points[i + 1]);
            if (c == '\u2212' || c == '\uFE63' || c == '\uFF0D' || ((c == '\u2013' || c == '\u2014') && digitFollows)) {
                out.append('-');
            }
            else if (c == '\uFF1A') {
                out.append(':');
            }
            else if (c == '\u2192' || c == '\u27A1' || c == '\u21D2') {
                out.append('→');
            }
            else if (Character.isLetterOrDigit(c) || ".,:%$()/_-+=<>→?!#@&'\"\u2194".indexOf(c) >= 0) {
                out.appendCodePoint(c);
            }
            else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            }
            else {
                // emoji, bullets, arrows, markup: a separator at most
                out.append(' ');
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    static List<BigDecimal> numbers(String text) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(URL.matcher(text).replaceAll(" "));
        while (matcher.find()) {
            decimal(matcher.group(2)).ifPresent(value -> numbers.add(matcher.group(1).equals("-") ? value.negate()
                    : value));
        }
        return numbers;
    }

    static Optional<BigDecimal> firstNumber(String text) {
        List<BigDecimal> numbers = numbers(text);
        return numbers.isEmpty() ? Optional.empty() : Optional.of(numbers.get(0));
    }

    static Optional<BigDecimal> lastNumber(String text) {
        List<BigDecimal> numbers = numbers(text);
        return numbers.isEmpty() ? Optional.empty() : Optional.of(numbers.get(numbers.size() - 1));
    }

    /** {@code 5,43} and {@code 5.43} alike; {@code 1,234.5} and {@code 1.234,5} with thousands separators. */
    static Optional<BigDecimal> decimal(String digits) {
        String value = digits;
        int commas = count(value, ',');
        int points = count(value, '.');
        if (commas > 0 && points > 0) {
            boolean commaIsDecimal = value.lastIndexOf(',') > value.lastIndexOf('.');
            value = commaIsDecimal ? value.replace(".", "").replace(',', '.') : value.replace(",", "");
        }
        else if (commas == 1) {
            value = value.replace(',', '.');
        }
        else if (commas > 1) {
            value = value.replace(",", "");
        }
        else if (points > 1) {
            value = value.replace(".", "");
        }
        if (value.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    static Optional<String> url(String raw) {
        Matcher matcher = URL.matcher(raw);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
