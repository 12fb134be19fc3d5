package io.cryptotracker.signals.stats;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.cryptotracker.common.symbols.Symbol;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.input.TimeWindow;
import io.cryptotracker.signals.store.SignalSource;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The parameters of {@code GET /api/v1/signals/stats}, bound by name and checked like the list filters: every
 * malformed value is a 400 naming its parameter; blank values count as absent.
 */
@StatsQuery.Consistent
record StatsQuery(
        @Parameter(description = "the signals' kind", schema = @Schema(allowableValues = { "mexc-spot-futures",
                "funding-rate", "mexc-dex" }))
        @Pattern(regexp = "\\s*(mexc-spot-futures|funding-rate|mexc-dex)?\\s*", message = KIND) String kind,
        @Parameter(description = "exact symbol, any spelling: BTC, $btc, BTCUSDT, BTC_USDT, BTC/USDT")
        @Symbol(message = SYMBOL) String symbol,
        @Parameter(schema = @Schema(allowableValues = { "detector", "telegram", "manual" })) SignalSource source,
        @Parameter(description = "either leg's exchange, e.g. binance")
        @Pattern(regexp = "\\s*([A-Za-z0-9._\\-]{1,32})?\\s*", message = EXCHANGE) String exchange,
        @Parameter(description = "detected at or after (ISO-8601); default `to` minus 30 days") Instant from,
        @Parameter(description = "detected at or before (ISO-8601); default now") Instant to,
        @BindParam("group_by") @Parameter(name = "group_by", description = "default symbol",
                schema = @Schema(allowableValues = { "symbol", "route", "source" })) StatsGrouping groupBy) {

    static final String KIND = "must be one of funding-rate, mexc-dex, mexc-spot-futures";
    static final String SYMBOL = "must be a symbol such as BTC, BTCUSDT or BTC/USDT";
    static final String EXCHANGE = "must be an exchange name such as binance (up to 32 letters or digits)";

    private static final Set<String> KNOWN = Set.of("kind", "symbol", "source", "exchange", "from", "to", "group_by");

    /** Blank values count as absent. */
    StatsQuery {
        kind = text(kind);
        symbol = text(symbol);
        exchange = text(exchange);
    }

    /** The parameters the request named that this endpoint does not take (a 400 names each). */
    static List<FieldError> foreign(Iterable<String> parameterNames) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : parameterNames) {
            if (!KNOWN.contains(name)) {
                errors.add(new FieldError(name, "is not a parameter of the statistics"));
            }
        }
        return errors;
    }

    StatsGrouping grouping() {
        return groupBy == null ? StatsGrouping.SYMBOL : groupBy;
    }

    /**
     * The signals this question covers.
     *
     * @param from the window's start ({@link #from()} or its default)
     * @param to the window's end ({@link #to()} or its default)
     * @param visibleBefore the FREE delay's cutoff, null for all
     */
    StatsFilter filter(Instant from, Instant to, Instant visibleBefore) {
        Instant last = visibleBefore != null && visibleBefore.isBefore(to) ? visibleBefore : to;
        return new StatsFilter(kind, symbol == null ? null : Symbols.normalize(symbol).orElseThrow(),
                source == null ? null : source.name(), exchange == null ? null : exchange.toLowerCase(Locale.ROOT),
                micros(from), micros(last));
    }

    private static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Times we can store, and {@code to} not before {@code from}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ConsistentValidator.class)
    @interface Consistent {

        String message() default "is inconsistent";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class ConsistentValidator implements ConstraintValidator<Consistent, StatsQuery> {

        @Override
        public boolean isValid(StatsQuery query, ConstraintValidatorContext context) {
            return TimeWindow.report(context, TimeWindow.errors(query.from(), query.to()));
        }
    }
}
