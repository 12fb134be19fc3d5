package io.cryptotracker.signals.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.common.web.input.StorableTime;
import io.cryptotracker.signals.store.SignalKind;

/**
 * The filters of a signal list, checked: every malformed or foreign parameter is a 400 naming it.
 *
 * @param symbol exact, in the unified spelling
 * @param q the start of a symbol (upper case)
 * @param visibleBefore only signals detected at or before this time (the FREE delay), null for all
 */
public record SignalFilter(SignalKind kind, String symbol, String q, BigDecimal minSpread, BigDecimal maxSpread,
        String status, String source, Instant from, Instant to, String exchange, String chain,
        BigDecimal minLiquidity, Instant visibleBefore) {

    static final Set<String> SORTABLE = Set.of("detected_at", "updated_at", "closed_at", "spread_percent",
            "net_spread_percent", "peak_spread_percent", "symbol");
    static final String DEFAULT_SORT = "detected_at,desc";

    private static final Set<String> COMMON = Set.of("symbol", "q", "min_spread", "max_spread", "status", "source",
            "from", "to", "page", "size", "sort");

    public SignalFilter withVisibleBefore(Instant cutoff) {
        return new SignalFilter(kind, symbol, q, minSpread, maxSpread, status, source, from, to, exchange, chain,
                minLiquidity, cutoff);
    }

    static SignalFilter parse(SignalKind kind, Map<String, String> params) {
        Parser parser = new Parser(params);
        for (String name : params.keySet()) {
            boolean known = COMMON.contains(name) || (kind == SignalKind.FUNDING_RATE && name.equals("exchange"))
                    || (kind == SignalKind.MEXC_DEX && (name.equals("chain") || name.equals("min_liquidity")));
            if (!known) {
                parser.errors.add(new FieldError(name, "is not a filter of " + kind.apiName() + " signals"));
            }
        }
        String symbol = parser.text("symbol");
        String unified = null;
        if (symbol != null) {
            unified = Symbols.normalize(symbol).orElse(null);
            if (unified == null) {
                parser.errors.add(new FieldError("symbol", "must be a symbol such as BTC, BTCUSDT or BTC/USDT"));
            }
        }
        String q = parser.text("q");
        if (q != null && (q.length() > 40 || !q.matches("[A-Za-z0-9$/_\\-]+"))) {
            parser.errors.add(new FieldError("q", "must be up to 40 letters or digits of a symbol"));
            q = null;
        }
        SignalFilter filter = new SignalFilter(kind, unified,
                q == null ? null : q.replace("$", "").replace('_', '/').replace('-', '/').toUpperCase(Locale.ROOT),
                parser.decimal("min_spread"), parser.decimal("max_spread"),
                parser.choice("status", Set.of("OPEN", "CLOSED")),
                parser.choice("source", Set.of("DETECTOR", "TELEGRAM", "MANUAL")), parser.instant("from"),
                parser.instant("to"), lower(parser.text("exchange")), lower(parser.text("chain")),
                parser.decimal("min_liquidity"), null);
        if (filter.minSpread() != null && filter.maxSpread() != null
                && filter.minSpread().compareTo(filter.maxSpread()) > 0) {
            parser.errors.add(new FieldError("max_spread", "must not be less than min_spread"));
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            parser.errors.add(new FieldError("to", "must not be before from"));
        }
        if (!parser.errors.isEmpty()) {
            throw new ValidationException(parser.errors);
        }
        return filter;
    }

    static PageQuery page(Map<String, String> params) {
        Parser parser = new Parser(params);
        Integer page = parser.integer("page");
        Integer size = parser.integer("size");
        if (!parser.errors.isEmpty()) {
            throw new ValidationException(parser.errors);
        }
        return PageQuery.parse(page, size, params.get("sort"), SORTABLE, DEFAULT_SORT);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static final class Parser {

        final Map<String, String> params;
        final List<FieldError> errors = new ArrayList<>();

        Parser(Map<String, String> params) {
            this.params = params;
        }

        String text(String name) {
            String value = params.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        BigDecimal decimal(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                if (value.length() > 40) {
                    throw new NumberFormatException();
                }
                return new BigDecimal(value);
            }
            catch (NumberFormatException ex) {
                errors.add(new FieldError(name, "must be a number"));
                return null;
            }
        }

        Integer integer(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            }
            catch (NumberFormatException ex) {
                errors.add(new FieldError(name, "must be a whole number"));
                return null;
            }
        }

        Instant instant(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                Instant time = Instant.parse(value);
                if (!StorableTime.isStorable(time)) {
                    errors.add(new FieldError(name, StorableTime.OUT_OF_RANGE));
                    return null;
                }
                return time;
            }
            catch (DateTimeParseException ex) {
                errors.add(new FieldError(name, "must be an ISO-8601 UTC time such as 2026-11-23T21:53:39Z"));
                return null;
            }
        }

        String choice(String name, Set<String> allowed) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            String upper = value.toUpperCase(Locale.ROOT);
            if (!allowed.contains(upper)) {
                errors.add(new FieldError(name, "must be one of " + String.join(", ",
                        allowed.stream().map(v -> v.toLowerCase(Locale.ROOT)).sorted().toList())));
                return null;
            }
            return upper;
        }
    }
}
