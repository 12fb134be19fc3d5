package io.cryptotracker.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything market-service knows about one symbol at one moment, normalized across venues: order-book tops of
 * spot and perpetual markets with 24 h quote volume, taker fee and funding (per 8 h and APR from the venue's real
 * interval), DEX pools matched by contract address, and MEXC deposit/withdraw status per network. Every quote
 * carries its own time so detectors can drop stale ones. Key: symbol ({@code BTC/USDT}).
 *
 * @param symbol the unified symbol, base/quote, e.g. {@code BTC/USDT}
 * @param quotes one per venue and market
 * @param dexPools on-chain pools of the base token, most liquid first
 * @param networks MEXC's deposit and withdraw status of the base asset per network
 * @param books order-book depth of the venues read this round, only for symbols whose spread is near a detector's
 *        threshold (market-service README, "Order-book depth"); empty for every other symbol and in snapshots of
 *        producers that predate it
 */
public record MarketSnapshot(UUID eventId, String type, int version, Instant occurredAt,
        String symbol, String baseAsset, String quoteAsset, List<VenueQuote> quotes, List<DexPool> dexPools,
        List<NetworkStatus> networks, List<OrderBook> books) implements DomainEvent {

    public static final String TYPE = "MarketSnapshot";

    public MarketSnapshot {
        DomainEvent.requireType(TYPE, type);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
        dexPools = dexPools == null ? List.of() : List.copyOf(dexPools);
        networks = networks == null ? List.of() : List.copyOf(networks);
        books = books == null ? List.of() : List.copyOf(books);
    }

    /** A snapshot without order books. */
    public static MarketSnapshot of(String symbol, String baseAsset, String quoteAsset, List<VenueQuote> quotes,
            List<DexPool> dexPools, List<NetworkStatus> networks) {
        return of(symbol, baseAsset, quoteAsset, quotes, dexPools, networks, List.of());
    }

    public static MarketSnapshot of(String symbol, String baseAsset, String quoteAsset, List<VenueQuote> quotes,
            List<DexPool> dexPools, List<NetworkStatus> networks, List<OrderBook> books) {
        return new MarketSnapshot(UUID.randomUUID(), TYPE, 1, Instant.now(), symbol, baseAsset, quoteAsset, quotes,
                dexPools, networks, books);
    }

    /** The same snapshot (same event id and time) carrying these order books. */
    public MarketSnapshot withBooks(List<OrderBook> books) {
        return new MarketSnapshot(eventId, type, version, occurredAt, symbol, baseAsset, quoteAsset, quotes, dexPools,
                networks, books);
    }

    @Override
    public String partitionKey() {
        return symbol;
    }

    /**
     * The top of one venue's book for the symbol.
     *
     * @param venue {@code mexc}, {@code binance}, {@code bybit}
     * @param market {@code spot} or {@code perp}
     * @param volume24hQuote 24 h volume in the quote currency (MEXC futures: contracts × contract size × price)
     * @param takerFeeRate the venue's taker fee as a fraction ({@code 0.0002} = 0.02 %)
     * @param funding the perpetual's funding, null on spot
     * @param quotedAt when the venue quoted these prices (the fetch time where the venue gives none)
     */
    public record VenueQuote(String venue, String market, BigDecimal bid, BigDecimal ask, BigDecimal bidQty,
            BigDecimal askQty, BigDecimal lastPrice, BigDecimal markPrice, BigDecimal indexPrice,
            @JsonProperty("volume_24h_quote") BigDecimal volume24hQuote, BigDecimal takerFeeRate, Funding funding,
            Instant quotedAt) {
    }

    /**
     * A perpetual's current funding rate.
     *
     * @param rate the rate per interval as the venue reports it, a fraction
     * @param intervalHours the venue's real settlement interval (1, 4 or 8)
     * @param ratePer8h the rate scaled to 8 hours, comparable across venues
     * @param aprPercent the rate annualized, in percent
     */
    public record Funding(BigDecimal rate, int intervalHours, @JsonProperty("rate_per_8h") BigDecimal ratePer8h,
            BigDecimal aprPercent, Instant nextFundingTime) {
    }

    /** An on-chain pool whose base token is the symbol's base asset by contract address. */
    public record DexPool(String chain, String dex, String pairAddress, String tokenAddress, BigDecimal priceUsd,
            BigDecimal liquidityUsd, @JsonProperty("volume_24h_usd") BigDecimal volume24hUsd, Instant quotedAt) {
    }

    /** Whether MEXC accepts deposits and pays out withdrawals of the asset on one network. */
    public record NetworkStatus(String network, String chain, String contractAddress, boolean depositEnabled,
            boolean withdrawEnabled, BigDecimal withdrawFee, Instant checkedAt) {
    }

    /**
     * One venue's order book of the symbol as read this round, normalized like the quotes: prices per base unit
     * (a multiplied contract's prices divided), quantities in base units (contracts times contract size).
     *
     * @param venue {@code mexc}, {@code binance}, {@code bybit}
     * @param market {@code spot} or {@code perp}
     * @param bids best (highest) first; empty when the side is empty
     * @param asks best (lowest) first; empty when the side is empty
     * @param quotedAt the venue's time of the book (the fetch time where the venue gives none)
     */
    public record OrderBook(String venue, String market, List<Level> bids, List<Level> asks, Instant quotedAt) {

        public OrderBook {
            bids = bids == null ? List.of() : List.copyOf(bids);
            asks = asks == null ? List.of() : List.copyOf(asks);
        }
    }

    /** One price level: the price per base unit and the quantity on offer there, in base units. */
    public record Level(BigDecimal price, BigDecimal qty) {
    }
}
