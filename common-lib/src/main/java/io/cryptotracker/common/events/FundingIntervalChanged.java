package io.cryptotracker.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A venue changed how often a perpetual settles funding (8 h → 4 h → 1 h): at the same rate per interval the APR
 * doubles with each step, so traders holding a funding position want to know. Published by market-service on
 * {@link Topics#MARKET} beside the snapshots, once per change it reads (never for the first sighting of a
 * perpetual). Key: symbol ({@code PEPE/USDT}).
 *
 * @param venue {@code mexc}, {@code binance}, {@code bybit}
 * @param symbol the unified symbol, base/quote
 * @param instrument the venue's own name of the contract ({@code 1000PEPEUSDT}, {@code PEPE_USDT}); null where unknown
 * @param previousIntervalHours the interval market-service knew before
 * @param intervalHours the interval the venue reports now
 * @param rate the funding rate per (new) interval as the venue reports it, a fraction; null when the venue gave none
 * @param ratePer8h {@code rate} scaled to 8 hours
 * @param previousAprPercent {@code rate} annualized at the previous interval: what the same rate paid a year before
 *        the change, so {@code apr_percent - previous_apr_percent} is the change's effect alone
 * @param aprPercent {@code rate} annualized at the new interval, in percent
 * @param nextFundingTime the next settlement the venue announces; null when it gave none
 * @param detectedAt when market-service read the new interval (the round's time)
 */
public record FundingIntervalChanged(UUID eventId, String type, int version, Instant occurredAt, String venue,
        String symbol, String instrument, int previousIntervalHours, int intervalHours, BigDecimal rate,
        @JsonProperty("rate_per_8h") BigDecimal ratePer8h, BigDecimal previousAprPercent, BigDecimal aprPercent,
        Instant nextFundingTime, Instant detectedAt) implements DomainEvent {

    public static final String TYPE = "FundingIntervalChanged";

    public FundingIntervalChanged {
        DomainEvent.requireType(TYPE, type);
    }

    public static FundingIntervalChanged of(String venue, String symbol, String instrument, int previousIntervalHours,
            int intervalHours, BigDecimal rate, BigDecimal ratePer8h, BigDecimal previousAprPercent,
            BigDecimal aprPercent, Instant nextFundingTime, Instant detectedAt) {
        return new FundingIntervalChanged(UUID.randomUUID(), TYPE, 1, detectedAt, venue, symbol, instrument,
                previousIntervalHours, intervalHours, rate, ratePer8h, previousAprPercent, aprPercent, nextFundingTime,
                detectedAt);
    }

    @Override
    public String partitionKey() {
        return symbol;
    }
}
