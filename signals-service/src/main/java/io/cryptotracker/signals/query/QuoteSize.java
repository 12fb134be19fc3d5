package io.cryptotracker.signals.query;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The position calculator's size ({@code GET /api/v1/signals/{id}/quote?size_usdt=}), bound as text so that every
 * wrong value is a 400 naming {@code size_usdt}: the form is checked first, the range once the form is right, as
 * {@link io.cryptotracker.common.web.PageParams} does. Blank counts as absent.
 *
 * @param sizeUsdt the notional of each leg in USDT, more than 0 and at most {@value #MAX}, at most 2 decimals
 */
@GroupSequence({ QuoteSize.class, QuoteSize.Range.class })
record QuoteSize(
        @BindParam("size_usdt")
        @Parameter(name = "size_usdt", required = true, description = "the notional of each leg in USDT, more than 0, "
                + "at most " + MAX + ", at most 2 decimals", schema = @Schema(type = "number", minimum = "0.01",
                        maximum = MAX, example = "1000"))
        @NotNull(message = "is required")
        @Pattern(regexp = "[+-]?[0-9]{1,20}(\\.[0-9]{1,20})?", message = "must be a number of USDT such as 2500.50")
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0", groups = Range.class)
        @DecimalMax(value = MAX, message = "must be at most " + MAX, groups = Range.class)
        @Digits(integer = 8, fraction = 2, message = "must have at most 2 decimals", groups = Range.class)
        String sizeUsdt) {

    /** The largest size the calculator prices: beyond any book a signal's venues show. */
    static final String MAX = "10000000";

    QuoteSize {
        sizeUsdt = sizeUsdt == null || sizeUsdt.isBlank() ? null : sizeUsdt.strip();
    }

    /** The checks that run once {@code size_usdt} is a number. */
    interface Range {
    }

    /** The checked size. */
    BigDecimal amount() {
        return new BigDecimal(sizeUsdt);
    }
}
