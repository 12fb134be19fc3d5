package io.cryptotracker.market.venue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.symbols.TradingPair;
import io.cryptotracker.market.source.SourceJson;
import tools.jackson.databind.JsonNode;

/**
 * Reads one side of a venue's book, {@code [[price, quantity, …], …]} with strings or numbers, into levels per base
 * unit: prices of a multiplied contract divided, quantities times the contract size (1 where the venue counts in
 * coins) and the multiplier. Levels without a positive price and quantity are dropped, and the side is sorted best
 * first whatever order the venue sent.
 */
public final class BookLevels {

    private BookLevels() {
    }

    public static List<MarketSnapshot.Level> bids(JsonNode side, TradingPair pair, BigDecimal contractSize) {
        return read(side, pair, contractSize, Comparator.comparing(MarketSnapshot.Level::price).reversed());
    }

    public static List<MarketSnapshot.Level> asks(JsonNode side, TradingPair pair, BigDecimal contractSize) {
        return read(side, pair, contractSize, Comparator.comparing(MarketSnapshot.Level::price));
    }

    private static List<MarketSnapshot.Level> read(JsonNode side, TradingPair pair, BigDecimal contractSize,
            Comparator<MarketSnapshot.Level> bestFirst) {
        if (side == null || !side.isArray()) {
            return List.of();
        }
        List<MarketSnapshot.Level> levels = new ArrayList<>(side.size());
        for (JsonNode level : side) {
            BigDecimal price = SourceJson.decimal(level.path(0));
            BigDecimal qty = SourceJson.decimal(level.path(1));
            if (price == null || qty == null || price.signum() <= 0 || qty.signum() <= 0) {
                continue;
            }
            BigDecimal units = contractSize == null ? qty : qty.multiply(contractSize);
            levels.add(new MarketSnapshot.Level(pair.perUnit(price), pair.baseUnits(units)));
        }
        levels.sort(bestFirst);
        return levels;
    }
}
