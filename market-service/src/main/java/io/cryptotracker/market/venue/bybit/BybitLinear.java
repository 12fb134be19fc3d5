package io.cryptotracker.market.venue.bybit;

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
 * Bybit linear perpetuals: {@code /v5/market/tickers?category=linear} (book tops, mark and index price, funding,
 * 24 h turnover in USDT) and {@code /v5/market/instruments-info} for each symbol's {@code fundingInterval} in
 * minutes (paged by cursor, re-read hourly). {@code retCode} other than 0 is a failure also on HTTP 200; 10006 is
 * Bybit's rate limit. Depth: {@code /v5/market/orderbook?category=linear&symbol=&limit=} (1–500 levels),
 * {@code result.b}/{@code result.a} in the instrument's coins, {@code result.ts} the book's time.
 */
public class BybitLinear implements PerpetualSource, OrderBookSource {

    private static final int MAX_LEVELS = 500;

    private static final Duration INFO_TTL = Duration.ofHours(1);
    private static final int MAX_INFO_PAGES = 5;
    private static final long RATE_LIMITED = 10006;

    private final SourceClient http;
    private final BigDecimal takerFee;
    private final Clock clock;

    private Map<String, Integer> intervalHours = Map.of();
    private Instant intervalsAt = Instant.EPOCH;

    public BybitLinear(SourceClient http, BigDecimal takerFee, Clock clock) {
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
        return "bybit";
    }

    @Override
    public String market() {
        return "perp";
    }

    @Override
    public MarketSnapshot.OrderBook orderBook(String instrument, int levels) {
        TradingPair pair = Instruments.pair(http, instrument);
        Instant fetched = clock.instant();
        JsonNode book = result("/v5/market/orderbook?category=linear&symbol=" + instrument + "&limit="
                + Math.max(1, Math.min(levels, MAX_LEVELS))).path("result");
        Instant at = SourceJson.epochMillis(book, "ts");
        return new MarketSnapshot.OrderBook("bybit", "perp", BookLevels.bids(book.path("b"), pair, null),
                BookLevels.asks(book.path("a"), pair, null), at == null ? fetched : at);
    }

    @Override
    public synchronized List<VenueQuoteOf> perpetualQuotes() {
        refreshIntervals();
        JsonNode root = result("/v5/market/tickers?category=linear");
        Instant answeredAt = SourceJson.epochMillis(root, "time");
        JsonNode list = root.path("result").path("list");
        List<VenueQuoteOf> quotes = new ArrayList<>(list.size());
        for (JsonNode ticker : list) {
            VenueQuoteOf quote = quote(ticker, intervalHours, takerFee, answeredAt);
            if (quote != null) {
                quotes.add(quote);
            }
        }
        http.parsedWell();
        return quotes;
    }

    static VenueQuoteOf quote(JsonNode ticker, Map<String, Integer> intervalHours, BigDecimal takerFee,
            Instant answeredAt) {
        String raw = SourceJson.text(ticker, "symbol");
        TradingPair symbol = Symbols.parseInstrument(raw).orElse(null);
        BigDecimal bid = SourceJson.decimal(ticker, "bid1Price");
        BigDecimal ask = SourceJson.decimal(ticker, "ask1Price");
        if (symbol == null || bid == null || ask == null || bid.signum() <= 0 || ask.signum() <= 0) {
            return null;
        }
        MarketSnapshot.Funding funding = FundingRates.of(SourceJson.decimal(ticker, "fundingRate"),
                intervalHours.getOrDefault(raw, 8), SourceJson.epochMillis(ticker, "nextFundingTime"));
        MarketSnapshot.VenueQuote quote = new MarketSnapshot.VenueQuote("bybit", "perp", symbol.perUnit(bid),
                symbol.perUnit(ask), symbol.baseUnits(SourceJson.decimal(ticker, "bid1Size")),
                symbol.baseUnits(SourceJson.decimal(ticker, "ask1Size")),
                symbol.perUnit(SourceJson.decimal(ticker, "lastPrice")),
                symbol.perUnit(SourceJson.decimal(ticker, "markPrice")),
                symbol.perUnit(SourceJson.decimal(ticker, "indexPrice")), SourceJson.decimal(ticker, "turnover24h"),
                takerFee, funding, answeredAt);
        // a contract instruments-info did not list (listed since the last hourly read) is assumed 8 h, not reported
        return new VenueQuoteOf(symbol.symbol(), symbol.base(), symbol.quote(), quote, raw,
                intervalHours.containsKey(raw));
    }

    private void refreshIntervals() {
        if (clock.instant().isBefore(intervalsAt.plus(INFO_TTL))) {
            return;
        }
        Map<String, Integer> read = new HashMap<>();
        String cursor = "";
        for (int page = 0; page < MAX_INFO_PAGES; page++) {
            JsonNode result = result("/v5/market/instruments-info?category=linear&limit=1000"
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).path("result");
            for (JsonNode instrument : result.path("list")) {
                String symbol = SourceJson.text(instrument, "symbol");
                Long minutes = SourceJson.whole(instrument, "fundingInterval");
                if (symbol != null && minutes != null && minutes >= 60) {
                    read.put(symbol, (int) (minutes / 60));
                }
            }
            cursor = SourceJson.text(result, "nextPageCursor");
            if (cursor == null) {
                break;
            }
        }
        intervalHours = Map.copyOf(read);
        intervalsAt = clock.instant();
    }

    private JsonNode result(String path) {
        JsonNode root = SourceJson.parse(http, http.get(path));
        Long code = SourceJson.whole(root, "retCode");
        if (code == null || code != 0) {
            throw http.rejectBody(code != null && code == RATE_LIMITED ? SourceException.Kind.RATE_LIMITED
                    : SourceException.Kind.FAILED, "retCode " + code + " " + SourceJson.text(root, "retMsg"));
        }
        return root;
    }
}
