package io.cryptotracker.market.normalize;

import java.math.BigDecimal;

/**
 * A venue's instrument in the unified form: {@code BTC/USDT}. {@code multiplier} is how many base units one
 * quoted unit is ({@code 1000PEPEUSDT} quotes 1,000 PEPE, so its prices are divided by 1,000 to compare).
 */
public record MarketSymbol(String base, String quote, int multiplier) {

    public String unified() {
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
}
