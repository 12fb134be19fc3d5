package io.cryptotracker.market.venue.binance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.symbols.TradingPair;
import io.cryptotracker.market.normalize.FundingRates;
import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.source.SourceJson;
import io.cryptotracker.market.venue.PerpetualSource;
import io.cryptotracker.market.venue.VenueQuoteOf;
import tools.jackson.databind.JsonNode;

/**
 * Binance USDⓈ-M perpetuals: {@code /fapi/v1/premiumIndex} (mark and index price, last funding rate, next funding
 * time) and {@code /fapi/v1/fundingInfo}, which lists only the symbols whose interval is not the default 8 h
 * (re-read hourly). No book tops: Binance is a funding venue here.
 */
public class BinanceFutures implements PerpetualSource {

    private static final Duration INFO_TTL = Duration.ofHours(1);

    private final SourceClient http;
    private final BigDecimal takerFee;
    private final Clock clock;

    private Map<String, Integer> intervals = Map.of();
    private Instant intervalsAt = Instant.EPOCH;

    public BinanceFutures(SourceClient http, BigDecimal takerFee, Clock clock) {
        this.http = http;
        this.takerFee = takerFee;
        this.clock = clock;
    }

    @Override
    public String name() {
        return http.source();
    }

    @Override
    public synchronized List<VenueQuoteOf> perpetualQuotes() {
        refreshIntervals();
        JsonNode indexes = array(SourceJson.parse(http, http.get("/fapi/v1/premiumIndex")));
        List<VenueQuoteOf> quotes = new ArrayList<>(indexes.size());
        for (JsonNode index : indexes) {
            VenueQuoteOf quote = quote(index, intervals, takerFee);
            if (quote != null) {
                quotes.add(quote);
            }
        }
        http.parsedWell();
        return quotes;
    }

    static VenueQuoteOf quote(JsonNode index, Map<String, Integer> intervals, BigDecimal takerFee) {
        String raw = SourceJson.text(index, "symbol");
        TradingPair symbol = Symbols.parseInstrument(raw).orElse(null);
        BigDecimal mark = SourceJson.decimal(index, "markPrice");
        BigDecimal rate = SourceJson.decimal(index, "lastFundingRate");
        if (symbol == null || mark == null || mark.signum() <= 0 || rate == null) {
            return null; // delivery contracts answer an empty lastFundingRate
        }
        MarketSnapshot.Funding funding = FundingRates.of(rate, intervals.getOrDefault(raw, 8),
                SourceJson.epochMillis(index, "nextFundingTime"));
        MarketSnapshot.VenueQuote quote = new MarketSnapshot.VenueQuote("binance", "perp", null, null, null, null,
                null, symbol.perUnit(mark), symbol.perUnit(SourceJson.decimal(index, "indexPrice")), null, takerFee,
                funding, SourceJson.epochMillis(index, "time"));
        return new VenueQuoteOf(symbol.symbol(), symbol.base(), symbol.quote(), quote);
    }

    private void refreshIntervals() {
        if (clock.instant().isBefore(intervalsAt.plus(INFO_TTL))) {
            return;
        }
        Map<String, Integer> read = new HashMap<>();
        for (JsonNode info : array(SourceJson.parse(http, http.get("/fapi/v1/fundingInfo")))) {
            String symbol = SourceJson.text(info, "symbol");
            Long hours = SourceJson.whole(info, "fundingIntervalHours");
            if (symbol != null && hours != null && hours > 0) {
                read.put(symbol, hours.intValue());
            }
        }
        intervals = Map.copyOf(read);
        intervalsAt = clock.instant();
    }

    private JsonNode array(JsonNode node) {
        if (!node.isArray()) {
            throw http.rejectBody(SourceException.Kind.MALFORMED, "expected an array");
        }
        return node;
    }
}
