package io.cryptotracker.market.funding;

/** One perpetual of one venue: {@code bybit} and {@code PEPE/USDT}. */
record FundingKey(String venue, String symbol) {
}
