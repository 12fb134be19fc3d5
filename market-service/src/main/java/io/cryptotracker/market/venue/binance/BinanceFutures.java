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
import io.cryptotracker.market.venue.BookLevels;
import io.cryptotracker.market.venue.Instruments;
import io.cryptotracker.market.venue.OrderBookSource;
import io.cryptotracker.market.venue.PerpetualSource;
import io.cryptotracker.market.venue.VenueQuoteOf;
import tools.jackson.databind.JsonNode;

/**
 * Binance USDⓈ-M perpetuals: {@code /fapi/v1/premiumIndex} (mark and index price, last funding rate, next funding
 * time) and {@code /fapi/v1/fundingInfo}, which lists only the symbols whose interval is not the default 8 h
 * (re-read hourly). No book tops in the quotes: Binance is a funding venue here. Depth:
 * {@code /fapi/v1/depth?symbol=&limit=} (limits 5, 10, 20, 50, 100, 500, 1000; request weight 2 up to 50 levels,
 * 5 for 100, 10 for 500, 20 for 1000), quantities in the instrument's coins ({@code 1000PEPEUSDT}: thousands).
 */
public class BinanceFutures implements PerpetualSource, OrderBookSource {

    private static final int[] LIMITS = { 5, 10, 20, 50, 100, 500, 1000 };

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
    public String venue() {
        return "binance";
    }

    @Override
    public String market() {
        return "perp";
    }

    /** Binance's request weight of a depth read (USDⓈ-M "Order Book"). */
    @Override
    public int weight(int levels) {
        int limit = limit(levels);
        return limit <= 50 ? 2 : limit == 100 ? 5 : limit == 500 ? 10 : 20;
    }

    /** {@code {"lastUpdateId":…, "E": message time, "T": matching-engine time, "bids":[…], "asks":[…]}}. */
    @Override
    public MarketSnapshot.OrderBook orderBook(String instrument, int levels) {
        TradingPair pair = Instruments.pair(http, instrument);
        Instant fetched = clock.instant();
        JsonNode root = SourceJson.parse(http,
                http.get("/fapi/v1/depth?symbol=" + instrument + "&limit=" + limit(levels)));
        if (!root.isObject() || !root.has("bids") || !root.has("asks")) {
            throw http.rejectBody(SourceException.Kind.MALFORMED, "no bids and asks");
        }
        Instant at = SourceJson.epochMillis(root, "T");
        return new MarketSnapshot.OrderBook("binance", "perp", BookLevels.bids(root.path("bids"), pair, null),
                BookLevels.asks(root.path("asks"), pair, null), at == null ? fetched : at);
    }

    /** The smallest limit Binance accepts that holds the levels asked for. */
    static int limit(int levels) {
        for (int limit : LIMITS) {
            if (limit >= levels) {
                return limit;
            }
        }
        return LIMITS[LIMITS.length - 1];
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
        // fundingInfo lists every contract whose interval is not the default: one it does not name settles every 8 h
        return new VenueQuoteOf(symbol.symbol(), symbol.base(), symbol.quote(), quote, raw, true);
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
