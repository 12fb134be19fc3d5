package io.cryptotracker.signals.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.signals.telegram.PostText.Line;

/**
 * Reads a channel post into signals (SPEC Appendix B). A post is cut into parts, one per signal, at the lines that
 * name a coin; each part is read by the format it looks like. Never throws: a post it cannot read comes back
 * with the reason.
 */
public final class PostParser {

    static final int MAX_LENGTH = 8192;

    private static final Pattern ALERT_HEADER = Pattern.compile("^spread alert(?: for)?\\s*:?\\s*([$\\w/\\-]+)?\\s*:?$");
    private static final List<String> TOKEN = List.of("token", "токен", "coin", "монета");
    /** Words that can stand alone on a line but are not coins. */
    static final Set<String> NOT_SYMBOLS = Set.of("spot", "futures", "funding", "price", "prices", "spread",
            "exchanges", "rate", "interval", "bias", "token", "deposit", "withdraw", "mexc", "dex", "long", "short",
            "alert", "signal", "signals", "arbitrage", "gate", "binance", "bybit", "okx", "bitget", "kucoin", "htx",
            "huobi", "extreme", "new", "update", "closed", "open", "usdt", "usdc", "usd");

    private final List<PostFormat> formats = List.of(new ExtremeRateFormat(), new FundingPairFormat(),
            new DexSpreadFormat(), new SpreadAlertFormat());

    public ParseResult parse(String text) {
        try {
            return read(text);
        }
        catch (RuntimeException ex) {
            // a defect in a format must never lose the post: it is stored as unparsed with this reason
            return ParseResult.unparsed("parser error: " + ex.getClass().getSimpleName());
        }
    }

    private ParseResult read(String text) {
        if (text == null || text.isBlank()) {
            return ParseResult.unparsed("empty post");
        }
        if (text.length() > MAX_LENGTH) {
            return ParseResult.unparsed("post longer than " + MAX_LENGTH + " characters");
        }
        List<ParsedSignal> signals = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (List<Line> part : parts(PostText.lines(text))) {
            Optional<PostFormat> format = formats.stream().filter(candidate -> candidate.recognizes(part)).findFirst();
            if (format.isEmpty()) {
                problems.add("no known format");
                continue;
            }
            try {
                signals.add(format.get().read(part));
            }
            catch (Unreadable ex) {
                problems.add(format.get().name() + ": " + ex.getMessage());
            }
        }
        String reason = problems.isEmpty() ? null : String.join("; ", problems.stream().distinct().toList());
        return new ParseResult(signals, signals.isEmpty() && reason == null ? "no known format" : reason);
    }

    /** Cuts the lines into one part per signal at the lines that name a coin; headers go with the next coin. */
    static List<List<Line>> parts(List<Line> lines) {
        List<List<Line>> parts = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        List<Line> pendingHeaders = new ArrayList<>();
        boolean currentHasCoin = false;
        for (Line line : lines) {
            if (namesCoin(line)) {
                if (currentHasCoin) {
                    parts.add(current);
                    current = new ArrayList<>();
                }
                current.addAll(pendingHeaders);
                pendingHeaders.clear();
                current.add(line);
                currentHasCoin = true;
            }
            else if (isHeader(line) && currentHasCoin) {
                pendingHeaders.add(line);
            }
            else {
                current.addAll(pendingHeaders);
                pendingHeaders.clear();
                current.add(line);
            }
        }
        current.addAll(pendingHeaders);
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    static boolean namesCoin(Line line) {
        Matcher alert = ALERT_HEADER.matcher(line.clean());
        if (alert.matches()) {
            return alert.group(1) != null && symbol(alert.group(1)).isPresent();
        }
        Optional<String> token = line.after(TOKEN);
        if (token.isPresent()) {
            return symbol(token.get()).isPresent();
        }
        return soleSymbol(line).isPresent();
    }

    private static boolean isHeader(Line line) {
        return line.clean().contains("extreme") || ALERT_HEADER.matcher(line.clean()).matches();
    }

    /** The coin of a line that holds nothing else, e.g. {@code 💲XYZ/USDT} or {@code 🔴 DOGEUSDT}. */
    static Optional<String> soleSymbol(Line line) {
        String clean = line.clean();
        if (clean.contains(" ") || clean.endsWith(":") || clean.contains("://")) {
            return Optional.empty();
        }
        return symbol(clean);
    }

    /** A coin spelled any way the channels spell it; words that are labels or venues are not coins. */
    static Optional<String> symbol(String text) {
        String value = text.strip().replaceAll("[:,.]+$", "");
        if (value.isEmpty() || NOT_SYMBOLS.contains(value.toLowerCase(java.util.Locale.ROOT).replace("$", ""))
                || !value.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c))) {
            return Optional.empty();
        }
        return Symbols.normalize(value);
    }

    /** The symbol of the part: from its header, its token line or a line holding only the coin. */
    static Optional<String> symbolOf(List<Line> part) {
        for (Line line : part) {
            Matcher alert = ALERT_HEADER.matcher(line.clean());
            if (alert.matches() && alert.group(1) != null) {
                Optional<String> symbol = symbol(alert.group(1));
                if (symbol.isPresent()) {
                    return symbol;
                }
            }
            Optional<String> token = line.after(TOKEN);
            if (token.isPresent() && symbol(token.get()).isPresent()) {
                return symbol(token.get());
            }
            Optional<String> sole = soleSymbol(line);
            if (sole.isPresent()) {
                return sole;
            }
        }
        return Optional.empty();
    }
}
