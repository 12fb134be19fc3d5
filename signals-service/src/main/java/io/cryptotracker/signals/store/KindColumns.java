package io.cryptotracker.signals.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.cryptotracker.common.events.SignalData;

/** The kind-specific columns of each signal table and how they map to the parts of {@link SignalData}. */
final class KindColumns {

    static final List<String> SPOT_FUTURES = List.of("spot_bid", "spot_ask", "futures_bid", "futures_ask",
            "direction", "funding_rate", "next_funding_time", "spot_volume_24h", "futures_volume_24h");

    static final List<String> FUNDING = List.of("long_exchange", "short_exchange", "long_rate_per_8h",
            "short_rate_per_8h", "long_apr_percent", "short_apr_percent", "long_interval_hours",
            "short_interval_hours", "long_next_funding_time", "short_next_funding_time", "long_mark_price",
            "short_mark_price", "price_spread_percent");

    static final List<String> DEX = List.of("chain", "dex", "pair_address", "token_address", "mexc_bid",
            "mexc_ask", "dex_price", "liquidity_usd", "volume_24h_usd", "direction", "deposit_enabled",
            "withdraw_enabled");

    private KindColumns() {
    }

    static List<String> of(SignalKind kind) {
        return switch (kind) {
            case MEXC_SPOT_FUTURES -> SPOT_FUTURES;
            case FUNDING_RATE -> FUNDING;
            case MEXC_DEX -> DEX;
        };
    }

    /** The values of {@link #of(SignalKind)}'s columns, in that order. */
    static List<Object> values(SignalData signal) {
        return switch (SignalKind.of(signal)) {
            case MEXC_SPOT_FUTURES -> {
                SignalData.SpotFutures s = require(signal.spotFutures(), signal);
                yield Arrays.asList(s.spotBid(), s.spotAsk(), s.futuresBid(), s.futuresAsk(), s.direction(),
                        s.fundingRate(), ts(s.nextFundingTime()), s.spotVolume24h(), s.futuresVolume24h());
            }
            case FUNDING_RATE -> {
                SignalData.Funding f = require(signal.funding(), signal);
                yield Arrays.asList(f.longExchange(), f.shortExchange(), f.longRatePer8h(), f.shortRatePer8h(),
                        f.longAprPercent(), f.shortAprPercent(), f.longIntervalHours(), f.shortIntervalHours(),
                        ts(f.longNextFundingTime()), ts(f.shortNextFundingTime()), f.longMarkPrice(),
                        f.shortMarkPrice(), f.priceSpreadPercent());
            }
            case MEXC_DEX -> {
                SignalData.Dex d = require(signal.dex(), signal);
                yield Arrays.asList(d.chain(), d.dex(), d.pairAddress(), d.tokenAddress(), d.mexcBid(),
                        d.mexcAsk(), d.dexPrice(), d.liquidityUsd(), d.volume24hUsd(), d.direction(),
                        d.depositEnabled(), d.withdrawEnabled());
            }
        };
    }

    static SignalData.SpotFutures spotFutures(ResultSet rs) throws SQLException {
        return new SignalData.SpotFutures(rs.getBigDecimal("spot_bid"), rs.getBigDecimal("spot_ask"),
                rs.getBigDecimal("futures_bid"), rs.getBigDecimal("futures_ask"), rs.getString("direction"),
                rs.getBigDecimal("funding_rate"), instant(rs, "next_funding_time"),
                rs.getBigDecimal("spot_volume_24h"), rs.getBigDecimal("futures_volume_24h"));
    }

    static SignalData.Funding funding(ResultSet rs) throws SQLException {
        return new SignalData.Funding(rs.getString("long_exchange"), rs.getString("short_exchange"),
                rs.getBigDecimal("long_rate_per_8h"), rs.getBigDecimal("short_rate_per_8h"),
                rs.getBigDecimal("long_apr_percent"), rs.getBigDecimal("short_apr_percent"),
                rs.getObject("long_interval_hours", Integer.class), rs.getObject("short_interval_hours", Integer.class),
                instant(rs, "long_next_funding_time"), instant(rs, "short_next_funding_time"),
                rs.getBigDecimal("long_mark_price"), rs.getBigDecimal("short_mark_price"),
                rs.getBigDecimal("price_spread_percent"));
    }

    static SignalData.Dex dex(ResultSet rs) throws SQLException {
        return new SignalData.Dex(rs.getString("chain"), rs.getString("dex"), rs.getString("pair_address"),
                rs.getString("token_address"), rs.getBigDecimal("mexc_bid"), rs.getBigDecimal("mexc_ask"),
                rs.getBigDecimal("dex_price"), rs.getBigDecimal("liquidity_usd"), rs.getBigDecimal("volume_24h_usd"),
                rs.getString("direction"), rs.getObject("deposit_enabled", Boolean.class),
                rs.getObject("withdraw_enabled", Boolean.class));
    }

    private static <T> T require(T part, SignalData signal) {
        if (part == null) {
            throw new IllegalArgumentException("A " + signal.kind() + " signal needs its " + signal.kind() + " details");
        }
        return part;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
