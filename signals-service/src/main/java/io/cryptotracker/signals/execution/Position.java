package io.cryptotracker.signals.execution;

import java.math.BigDecimal;

import io.cryptotracker.common.events.MarketSnapshot.OrderBook;

/**
 * A two-leg position: long the base on one book, short it on the other, each leg with its taker fee as a fraction
 * ({@code 0.0005} = 0.05 %). Spot–futures: long spot, short the perpetual; funding spread: long the perpetual with
 * the lower rate, short the one with the higher.
 */
public record Position(OrderBook longBook, BigDecimal longTakerFee, OrderBook shortBook, BigDecimal shortTakerFee) {
}
