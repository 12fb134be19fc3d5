package io.cryptotracker.signals.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.cryptotracker.common.symbols.Symbol;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.input.TimeWindow;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalSource;
import io.cryptotracker.signals.store.SignalStatus;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The filters every signal list takes ({@code GET /api/v1/signals/{kind}}), bound by name and checked: every
 * malformed value is a 400 naming its parameter. Blank values count as absent. The kinds' own filters:
 * {@code exchange} (funding-rate) and {@link DexFilters} (mexc-dex); the paging:
 * {@link io.cryptotracker.common.web.PageParams}, sorted by {@link #SORTABLE}.
 *
 * @param symbol exact, any spelling of a symbol ({@code BTC}, {@code $btc}, {@code BTCUSDT}, {@code BTC/USDT})
 * @param q the start of a symbol
 */
@SignalListQuery.Consistent
record SignalListQuery(
        @Parameter(description = "exact symbol, any spelling: BTC, $btc, BTCUSDT, BTC_USDT, BTC/USDT") @Symbol(message = SYMBOL) String symbol,
        @Parameter(description = "symbols starting with it")
        @Pattern(regexp = "\\s*([A-Za-z0-9$/_\\-]{1,40})?\\s*", message = "must be up to 40 letters or digits of a symbol") String q,
        @BindParam("min_spread") @Parameter(name = "min_spread", description = "spread_percent at least") BigDecimal minSpread,
        @BindParam("max_spread") @Parameter(name = "max_spread", description = "spread_percent at most") BigDecimal maxSpread,
        @Parameter(schema = @Schema(allowableValues = { "open", "closed" })) SignalStatus status,
        @Parameter(schema = @Schema(allowableValues = { "detector", "telegram", "manual" })) SignalSource source,
        @Parameter(description = "detected at or after (ISO-8601)") Instant from,
        @Parameter(description = "detected at or before (ISO-8601)") Instant to) {

    static final String SYMBOL = "must be a symbol such as BTC, BTCUSDT or BTC/USDT";

    static final Set<String> SORTABLE = Set.of("detected_at", "updated_at", "closed_at", "spread_percent",
            "net_spread_percent", "peak_spread_percent", "symbol");
    static final String DEFAULT_SORT = "detected_at,desc";

    private static final Set<String> COMMON = Set.of("symbol", "q", "min_spread", "max_spread", "status", "source",
            "from", "to", "page", "size", "sort");

    /** A blank {@code symbol=} counts as absent (so {@link Symbol}, which reads only non-null text, skips it). */
    SignalListQuery {
        symbol = text(symbol);
    }

    /** The parameters the request named that are no filter of this kind (a 400 names each). */
    static List<FieldError> foreign(SignalKind kind, Iterable<String> parameterNames) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : parameterNames) {
            boolean known = COMMON.contains(name) || (kind == SignalKind.FUNDING_RATE && name.equals("exchange"))
                    || (kind == SignalKind.MEXC_DEX && (name.equals("chain") || name.equals("min_liquidity")));
            if (!known) {
                errors.add(new FieldError(name, "is not a filter of " + kind.apiName() + " signals"));
            }
        }
        return errors;
    }

    /**
     * The search this query asks for.
     *
     * @param exchange funding-rate's filter, null for the other kinds
     * @param dex mexc-dex's filters, null for the other kinds
     * @param visibleBefore the FREE delay's cutoff, null for all
     */
    SignalFilter filter(SignalKind kind, String exchange, DexFilters dex, Instant visibleBefore) {
        String prefix = text(q);
        return new SignalFilter(kind, symbol == null ? null : Symbols.normalize(symbol).orElseThrow(),
                prefix == null ? null
                        : prefix.replace("$", "").replace('_', '/').replace('-', '/').toUpperCase(Locale.ROOT),
                minSpread, maxSpread, status == null ? null : status.name(), source == null ? null : source.name(),
                from, to, lower(exchange), dex == null ? null : lower(dex.chain()),
                dex == null ? null : dex.minLiquidity(), visibleBefore);
    }

    /** The filters only mexc-dex signals take. */
    record DexFilters(@Parameter(description = "the DEX pool's chain") String chain,
            @BindParam("min_liquidity") @Parameter(name = "min_liquidity", description = "pool liquidity in USD at least")
            BigDecimal minLiquidity) {
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String value) {
        String text = text(value);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /**
     * The rules across fields: times we can store, {@code max_spread} not below
     * {@code min_spread} and {@code to} not before {@code from}.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ConsistentValidator.class)
    @interface Consistent {

        String message() default "is inconsistent";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class ConsistentValidator implements ConstraintValidator<Consistent, SignalListQuery> {

        @Override
        public boolean isValid(SignalListQuery query, ConstraintValidatorContext context) {
            List<FieldError> errors = new ArrayList<>(TimeWindow.errors(query.from(), query.to()));
            if (query.minSpread() != null && query.maxSpread() != null
                    && query.minSpread().compareTo(query.maxSpread()) > 0) {
                errors.add(new FieldError("maxSpread", "must not be less than min_spread"));
            }
            return TimeWindow.report(context, errors);
        }
    }
}
