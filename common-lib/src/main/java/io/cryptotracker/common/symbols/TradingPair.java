package io.cryptotracker.common.symbols;

import java.math.BigDecimal;

/**
 * A pair in the one spelling every service stores, compares and shows: {@link #symbol()} is {@code BASE/QUOTE} in
 * upper case, the base without a venue's multiplier ({@code 1000PEPEUSDT} is {@code PEPE/USDT} with
 * {@code multiplier} 1000: one quoted contract is 1,000 PEPE).
 *
 * @param base the coin, upper case, without a multiplier ({@code PEPE})
 * @param quote the quote currency ({@code USDT})
 * @param multiplier how many base units one quoted unit is; 1 unless the venue's name carried a multiplier
 */
public record TradingPair(String base, String quote, int multiplier) {

    /** The one spelling: {@code BASE/QUOTE}. */
    public String symbol() {
        return base + "/" + quote;
    }

    /** A venue's price of one quoted unit as the price of one base unit. */
    public BigDecimal perUnit(BigDecimal price) {
        if (price == null || multiplier == 1) {
            return price;
        }
        return price.divide(BigDecimal.valueOf(multiplier)).stripTrailingZeros();
    }

    /** A quantity in quoted units as base units. */
    public BigDecimal baseUnits(BigDecimal quantity) {
        if (quantity == null || multiplier == 1) {
            return quantity;
        }
        return quantity.multiply(BigDecimal.valueOf(multiplier));
    }

    @Override
    public String toString() {
        return symbol();
    }
}
