package io.cryptotracker.market.venue.mexc;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * MEXC perpetual futures: {@code /api/v1/contract/ticker} (book tops, fair and index price, 24 h volume),
 * {@code /api/v1/contract/funding_rate} (rate, {@code collectCycle} hours, next settlement) and
 * {@code /api/v1/contract/detail} (contract size, taker fee, state; re-read hourly). Answers are wrapped in
 * {@code {success, code, data}}; {@code success: false} is a failure whatever the HTTP status. 24 h volume in
 * USDT is {@code amount24}; where it is missing, {@code volume24} contracts × {@code contractSize} × last price.
 * Depth: {@code /api/v1/contract/depth/{symbol}?limit=}, levels {@code [price, contracts, orders]}: quantities are
 * contracts and become coins through the contract size of the detail.
 */
public class MexcFutures implements PerpetualSource, OrderBookSource {

    private static final Logger log = LoggerFactory.getLogger(MexcFutures.class);
    private static final Duration DETAIL_TTL = Duration.ofHours(1);
    /** MEXC's "requests too frequent" code inside a 200 answer. */
    private static final long TOO_FREQUENT = 510;

    private final SourceClient http;
    private final Clock clock;

    private Map<String, Contract> contracts = Map.of();
    private Instant contractsAt = Instant.EPOCH;

    public MexcFutures(SourceClient http, Clock clock) {
        this.http = http;
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
        return "perp";
    }

    @Override
    public synchronized MarketSnapshot.OrderBook orderBook(String instrument, int levels) {
        TradingPair pair = Instruments.pair(http, instrument);
        refreshContracts();
        Contract contract = contracts.get(instrument);
        if (contract == null || contract.size() == null || contract.size().signum() <= 0) {
            throw new SourceException(http.source(), SourceException.Kind.FAILED,
                    "no contract size for " + instrument + ": its depth cannot be counted in coins");
        }
        Instant fetched = clock.instant();
        JsonNode data = data("/api/v1/contract/depth/" + instrument + "?limit=" + levels);
        Instant at = SourceJson.epochMillis(data, "timestamp");
        return new MarketSnapshot.OrderBook("mexc", "perp", BookLevels.bids(data.path("bids"), pair, contract.size()),
                BookLevels.asks(data.path("asks"), pair, contract.size()), at == null ? fetched : at);
    }

    @Override
    public synchronized List<VenueQuoteOf> perpetualQuotes() {
        refreshContracts();
        JsonNode tickers = data("/api/v1/contract/ticker");
        Map<String, JsonNode> rateBySymbol = fundingRates();
        List<VenueQuoteOf> quotes = new ArrayList<>();
        for (JsonNode ticker : tickers) {
            String raw = SourceJson.text(ticker, "symbol");
            VenueQuoteOf quote = quote(ticker, rateBySymbol.get(raw), contracts.get(raw));
            if (quote != null) {
                quotes.add(quote);
            }
        }
        http.parsedWell();
        return quotes;
    }

    /**
     * All contracts' funding with their intervals. Without it the quotes still go out, with the ticker's rate on
     * the default 8 h cycle: prices matter more than a missing interval.
     */
    private Map<String, JsonNode> fundingRates() {
        Map<String, JsonNode> rateBySymbol = new HashMap<>();
        try {
            JsonNode rates = data("/api/v1/contract/funding_rate");
            for (JsonNode rate : rates.isArray() ? rates : List.of(rates)) {
                String symbol = SourceJson.text(rate, "symbol");
                if (symbol != null) {
                    rateBySymbol.put(symbol, rate);
                }
            }
        }
        catch (SourceException ex) {
            log.warn("MEXC funding rates unavailable, using the tickers' rates on an 8 h cycle: {}", ex.getMessage());
        }
        return rateBySymbol;
    }

    static VenueQuoteOf quote(JsonNode ticker, JsonNode rate, Contract contract) {
        TradingPair symbol = Symbols.parseInstrument(SourceJson.text(ticker, "symbol")).orElse(null);
        BigDecimal bid = SourceJson.decimal(ticker, "bid1");
        BigDecimal ask = SourceJson.decimal(ticker, "ask1");
        if (symbol == null || bid == null || ask == null || bid.signum() <= 0 || ask.signum() <= 0
                || (contract != null && !contract.enabled())) {
            return null;
        }
        BigDecimal last = SourceJson.decimal(ticker, "lastPrice");
        MarketSnapshot.Funding funding;
        Long cycle = rate == null ? null : SourceJson.whole(rate, "collectCycle");
        if (rate != null) {
            funding = FundingRates.of(SourceJson.decimal(rate, "fundingRate"), cycle == null ? 8 : cycle.intValue(),
                    SourceJson.epochMillis(rate, "nextSettleTime"));
        }
        else {
            // the ticker's rate without its interval: MEXC's default cycle is 8 h
            funding = FundingRates.of(SourceJson.decimal(ticker, "fundingRate"), 8, null);
        }
        Instant quotedAt = SourceJson.epochMillis(ticker, "timestamp");
        MarketSnapshot.VenueQuote quote = new MarketSnapshot.VenueQuote("mexc", "perp", symbol.perUnit(bid),
                symbol.perUnit(ask), null, null, symbol.perUnit(last),
                symbol.perUnit(SourceJson.decimal(ticker, "fairPrice")),
                symbol.perUnit(SourceJson.decimal(ticker, "indexPrice")), volume(ticker, contract, last),
                contract == null ? null : contract.takerFee(), funding, quotedAt);
        return new VenueQuoteOf(symbol.symbol(), symbol.base(), symbol.quote(), quote,
                SourceJson.text(ticker, "symbol"), cycle != null && cycle > 0);
    }

    static BigDecimal volume(JsonNode ticker, Contract contract, BigDecimal last) {
        BigDecimal amount = SourceJson.decimal(ticker, "amount24");
        if (amount != null) {
            return amount;
        }
        BigDecimal contracts = SourceJson.decimal(ticker, "volume24");
        if (contracts == null || contract == null || contract.size() == null || last == null) {
            return null;
        }
        return contracts.multiply(contract.size()).multiply(last);
    }

    private void refreshContracts() {
        if (!contracts.isEmpty() && clock.instant().isBefore(contractsAt.plus(DETAIL_TTL))) {
            return;
        }
        Map<String, Contract> read = new HashMap<>();
        for (JsonNode detail : data("/api/v1/contract/detail")) {
            String symbol = SourceJson.text(detail, "symbol");
            if (symbol != null) {
                Long state = SourceJson.whole(detail, "state");
                read.put(symbol, new Contract(SourceJson.decimal(detail, "contractSize"),
                        SourceJson.decimal(detail, "takerFeeRate"), state == null || state == 0));
            }
        }
        contracts = Map.copyOf(read);
        contractsAt = clock.instant();
    }

    private JsonNode data(String path) {
        JsonNode root = SourceJson.parse(http, http.get(path));
        if (!root.path("success").asBoolean(false)) {
            Long code = SourceJson.whole(root, "code");
            throw http.rejectBody(code != null && code == TOO_FREQUENT ? SourceException.Kind.RATE_LIMITED
                    : SourceException.Kind.FAILED, "success=false, code " + code);
        }
        JsonNode data = root.path("data");
        if (data.isMissingNode() || data.isNull()) {
            throw http.rejectBody(SourceException.Kind.MALFORMED, "no data");
        }
        return data;
    }

    /** What the detail says about one contract; {@code size} is the base amount of one contract. */
    record Contract(BigDecimal size, BigDecimal takerFee, boolean enabled) {
    }
}
