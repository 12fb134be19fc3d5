package io.cryptotracker.market.venue.mexc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.symbols.TradingPair;
import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.source.SourceJson;
import io.cryptotracker.market.venue.BookLevels;
import io.cryptotracker.market.venue.Instruments;
import io.cryptotracker.market.venue.OrderBookSource;
import io.cryptotracker.market.venue.SpotBookSource;
import io.cryptotracker.market.venue.VenueQuoteOf;
import tools.jackson.databind.JsonNode;

/**
 * MEXC spot: {@code /api/v3/ticker/bookTicker} for the book tops and {@code /api/v3/ticker/24hr} for last price and
 * quote volume (strings, sometimes null). A symbol without a usable bid and ask is left out; a missing 24 h row
 * only leaves its volume empty. The book ticker carries no time, so the quote time is when it was fetched.
 * Depth: {@code /api/v3/depth?symbol=&limit=} (weight 1), quantities in coins.
 */
public class MexcSpot implements SpotBookSource, OrderBookSource {

    private final SourceClient http;
    private final BigDecimal takerFee;
    private final Clock clock;

    public MexcSpot(SourceClient http, BigDecimal takerFee, Clock clock) {
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
        return "mexc";
    }

    @Override
    public String market() {
        return "spot";
    }

    @Override
    public List<VenueQuoteOf> spotQuotes() {
        Instant fetched = clock.instant();
        JsonNode books = array(SourceJson.parse(http, http.get("/api/v3/ticker/bookTicker")));
        JsonNode days = array(SourceJson.parse(http, http.get("/api/v3/ticker/24hr")));
        Map<String, JsonNode> dayBySymbol = new HashMap<>(days.size() * 2);
        for (JsonNode day : days) {
            String symbol = SourceJson.text(day, "symbol");
            if (symbol != null) {
                dayBySymbol.put(symbol, day);
            }
        }
        List<VenueQuoteOf> quotes = new ArrayList<>(books.size());
        for (JsonNode book : books) {
            VenueQuoteOf quote = quote(book, dayBySymbol.get(SourceJson.text(book, "symbol")), fetched);
            if (quote != null) {
                quotes.add(quote);
            }
        }
        http.parsedWell();
        return quotes;
    }

    VenueQuoteOf quote(JsonNode book, JsonNode day, Instant fetched) {
        TradingPair symbol = Symbols.parseInstrument(SourceJson.text(book, "symbol")).orElse(null);
        BigDecimal bid = SourceJson.decimal(book, "bidPrice");
        BigDecimal ask = SourceJson.decimal(book, "askPrice");
        if (symbol == null || bid == null || ask == null || bid.signum() <= 0 || ask.signum() <= 0) {
            return null;
        }
        BigDecimal last = day == null ? null : SourceJson.decimal(day, "lastPrice");
        BigDecimal volume = day == null ? null : SourceJson.decimal(day, "quoteVolume");
        MarketSnapshot.VenueQuote quote = new MarketSnapshot.VenueQuote("mexc", "spot", symbol.perUnit(bid),
                symbol.perUnit(ask), symbol.baseUnits(SourceJson.decimal(book, "bidQty")),
                symbol.baseUnits(SourceJson.decimal(book, "askQty")), symbol.perUnit(last), null, null, volume,
                takerFee, null, fetched);
        return new VenueQuoteOf(symbol.symbol(), symbol.base(), symbol.quote(), quote,
                SourceJson.text(book, "symbol"));
    }

    /** {@code {"lastUpdateId":…, "bids":[["price","qty"]…], "asks":[…], "timestamp":…}}. */
    @Override
    public MarketSnapshot.OrderBook orderBook(String instrument, int levels) {
        TradingPair pair = Instruments.pair(http, instrument);
        Instant fetched = clock.instant();
        JsonNode root = SourceJson.parse(http, http.get("/api/v3/depth?symbol=" + instrument + "&limit=" + levels));
        if (!root.isObject() || !root.has("bids") || !root.has("asks")) {
            throw http.rejectBody(SourceException.Kind.MALFORMED, "no bids and asks");
        }
        Instant at = SourceJson.epochMillis(root, "timestamp");
        return new MarketSnapshot.OrderBook("mexc", "spot", BookLevels.bids(root.path("bids"), pair, null),
                BookLevels.asks(root.path("asks"), pair, null), at == null ? fetched : at);
    }

    private JsonNode array(JsonNode node) {
        if (!node.isArray()) {
            throw http.rejectBody(SourceException.Kind.MALFORMED, "expected an array");
        }
        return node;
    }
}
