package io.cryptotracker.signals.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.MarketSnapshot.Level;
import io.cryptotracker.common.events.MarketSnapshot.OrderBook;
import io.cryptotracker.common.events.MarketSnapshot.VenueQuote;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.DetectionSettings;

/**
 * Prices the route a signal describes – its venues and direction – against a market snapshot at position sizes,
 * producing its {@link SignalData.Execution} block. Each leg is walked through its venue's order book when the
 * snapshot carries a fresh one ({@code BOOK}); otherwise both legs are priced at their best prices with the depth
 * unknown ({@code TOP_OF_BOOK}, flagged).
 *
 * <ul>
 * <li><b>Spot–futures</b>: the round trip of {@link ExecutableSpread} (taker fees on both legs in and out, entry and
 * exit depth) plus the funding the perpetual leg earns (short, positive rate) or pays at the next settlement.
 * <li><b>Funding rate</b>: the position earns the rate spread over time, so its net is per 8 hours: the rate spread
 * less the round trip's cost – fees and what buying and selling back both legs at once loses on the books – spread
 * over {@link ExecutionSettings#fundingHolding()}. The funding income per 8 h, hour and day and the break-even hours
 * come with each size. An extreme single rate is priced as one perpetual bought or sold and closed again.
 * <li><b>MEXC↔DEX</b>: {@link DexRoute}.
 * </ul>
 * A {@code PRICE_MISMATCH} or {@code CROSSED_BOOK} refusal at the smallest size means the legs cannot be compared at
 * all; detectors make no signal of it.
 */
public class ExecutionPricer {

    /** The smallest size the largest-size search starts from, in USDT: about the venues' minimum order. */
    static final BigDecimal MIN_SEARCH_SIZE = BigDecimal.TEN;
    private static final int SCALE = 6;
    private static final java.math.MathContext PRICE = new java.math.MathContext(12, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal EIGHT = BigDecimal.valueOf(8);
    private static final BigDecimal UNLIMITED = ExecutableSpread.UNKNOWN_DEPTH;

    private final ExecutionSettings settings;
    private final DetectionSettings detection;
    private final ExecutableSpread spread;
    private final DexRoute dex;

    public ExecutionPricer(ExecutionSettings settings, DetectionSettings detection, DexRoute dex) {
        this.settings = settings;
        this.detection = detection;
        this.spread = new ExecutableSpread(settings.maxPriceRatio());
        this.dex = dex;
    }

    public ExecutionSettings settings() {
        return settings;
    }

    /** The signal priced at the configured sizes. */
    public Optional<SignalData.Execution> price(SignalData signal, MarketSnapshot market, Instant now) {
        return price(signal, market, settings.sizesUsdt(), now);
    }

    /**
     * The signal priced at {@code sizesUsdt} (the calculator's one size, or the configured ones); empty when the
     * market lacks one of its legs or the signal names no route (a Telegram post without venues).
     */
    public Optional<SignalData.Execution> price(SignalData signal, MarketSnapshot market, List<BigDecimal> sizesUsdt,
            Instant now) {
        if (signal.spotFutures() != null) {
            return spotFutures(signal.spotFutures(), market, sizesUsdt, now);
        }
        if (signal.funding() != null) {
            return funding(signal.funding(), market, sizesUsdt, now);
        }
        if (signal.dex() != null) {
            return dex.price(signal, market, sizesUsdt, detection.dex().open(), now);
        }
        return Optional.empty();
    }

    private Optional<SignalData.Execution> spotFutures(SignalData.SpotFutures details, MarketSnapshot market,
            List<BigDecimal> sizes, Instant now) {
        Optional<Side> spot = side(market, "mexc", "spot", now);
        Optional<Side> perp = side(market, "mexc", "perp", now);
        if (spot.isEmpty() || perp.isEmpty()) {
            return Optional.empty();
        }
        boolean buySpot = !"SELL_SPOT_LONG_PERP".equals(details.direction());
        Side buy = buySpot ? spot.get() : perp.get();
        Side sell = buySpot ? perp.get() : spot.get();
        Position position = new Position(buy.book(), buy.fee(), sell.book(), sell.fee());
        // the perpetual's next settlement: a short perp earns a positive rate, a long one pays it
        VenueQuote perpQuote = perp.get().quote();
        BigDecimal rate = perpQuote.funding() == null || perpQuote.funding().rate() == null ? BigDecimal.ZERO
                : perpQuote.funding().rate();
        BigDecimal fundingPercent = scaled((buySpot ? rate : rate.negate()).multiply(HUNDRED));
        List<SignalData.SizeQuote> quotes = priceSizes(position, sizes, (size, rt) -> {
            BigDecimal net = rt.netPercent().add(fundingPercent);
            return new SignalData.SizeQuote(size, null, price(rt.entryLong()), price(rt.entryShort()),
                    rt.topOfBookPercent(), rt.grossPercent(), rt.feesPercent(), zero(), rt.depthPercent(),
                    rt.exitDepthPercent(), fundingPercent, net, usdt(size, net), rt.roundTripCostUsdt(), null);
        });
        boolean book = buy.fromBook() && sell.fromBook();
        BigDecimal maxSize = book ? spread.largestSizeClearing(position,
                detection.spotFutures().open().subtract(fundingPercent), MIN_SEARCH_SIZE).orElse(null) : null;
        List<SignalData.Leg> legs = List.of(buy.leg("BUY", now, detection.staleAfter()),
                sell.leg("SELL", now, detection.staleAfter()));
        return Optional.of(execution(book, now, legs, quotes, maxSize, null, List.of()));
    }

    private Optional<SignalData.Execution> funding(SignalData.Funding details, MarketSnapshot market,
            List<BigDecimal> sizes, Instant now) {
        Optional<Side> low = details.longExchange() == null ? Optional.empty()
                : side(market, details.longExchange(), "perp", now);
        Optional<Side> high = details.shortExchange() == null ? Optional.empty()
                : side(market, details.shortExchange(), "perp", now);
        if (details.longExchange() != null && details.shortExchange() != null) {
            return low.isEmpty() || high.isEmpty() ? Optional.empty() : fundingPair(low.get(), high.get(), sizes, now);
        }
        if (low.isPresent()) {
            return Optional.of(fundingSingle(low.get(), true, sizes, now));
        }
        return high.map(side -> fundingSingle(side, false, sizes, now));
    }

    private Optional<SignalData.Execution> fundingPair(Side low, Side high, List<BigDecimal> sizes, Instant now) {
        MarketSnapshot.Funding lowFunding = low.quote().funding();
        MarketSnapshot.Funding highFunding = high.quote().funding();
        if (lowFunding == null || highFunding == null || lowFunding.ratePer8h() == null
                || highFunding.ratePer8h() == null || lowFunding.rate() == null || highFunding.rate() == null) {
            return Optional.empty();
        }
        BigDecimal gross = scaled(highFunding.ratePer8h().subtract(lowFunding.ratePer8h()).multiply(HUNDRED));
        Position position = new Position(low.book(), low.fee(), high.book(), high.fee());
        List<SignalData.SizeQuote> quotes = priceSizes(position, sizes,
                (size, rt) -> pairQuote(size, rt, gross, lowFunding, highFunding));
        boolean book = low.fromBook() && high.fromBook();
        List<SignalData.Leg> legs = List.of(low.leg("BUY", now, detection.staleAfter()),
                high.leg("SELL", now, detection.staleAfter()));
        BigDecimal threshold = detection.funding().open();
        BigDecimal maxSize = book ? spread.largestSize(position, rt -> pairQuote(rt.sizeUsdt(), rt, gross, lowFunding,
                highFunding).netPercent().compareTo(threshold) >= 0, MIN_SEARCH_SIZE).orElse(null) : null;
        return Optional.of(execution(book, now, legs, quotes, maxSize, null, List.of()));
    }

    /** One extreme rate: long the perpetual when its rate is negative, short it when positive. */
    private SignalData.Execution fundingSingle(Side perp, boolean longSide, List<BigDecimal> sizes, Instant now) {
        MarketSnapshot.Funding funding = perp.quote().funding();
        BigDecimal gross = funding == null || funding.ratePer8h() == null ? BigDecimal.ZERO
                : scaled(funding.ratePer8h().abs().multiply(HUNDRED));
        List<SignalData.SizeQuote> quotes = sizes.stream().map(size -> singleQuote(perp, longSide, gross, size))
                .toList();
        BigDecimal threshold = detection.funding().open();
        BigDecimal maxSize = !perp.fromBook() ? null : ExecutableSpread.largestBetween(size -> {
            SignalData.SizeQuote quote = singleQuote(perp, longSide, gross, size);
            return quote.refusal() == null && quote.netPercent().compareTo(threshold) >= 0;
        }, MIN_SEARCH_SIZE, Fill.depthNotional(perp.book().asks()).min(Fill.depthNotional(perp.book().bids())))
                .orElse(null);
        List<SignalData.Leg> legs = List.of(perp.leg(longSide ? "BUY" : "SELL", now, detection.staleAfter()));
        return execution(perp.fromBook(), now, legs, quotes, maxSize, null, List.of());
    }

    /** One perpetual bought (long) or sold (short) at {@code size} and closed again, held for its funding. */
    private SignalData.SizeQuote singleQuote(Side perp, boolean longSide, BigDecimal gross, BigDecimal size) {
        MarketSnapshot.Funding funding = perp.quote().funding();
        Fill entry = longSide ? Fill.buy(perp.book().asks(), size) : Fill.sell(perp.book().bids(), size);
        Fill exit = longSide ? Fill.sell(perp.book().bids(), size) : Fill.buy(perp.book().asks(), size);
        if (!entry.isFull() || !exit.isFull()) {
            return refused(size, entry.coverage() == Fill.Coverage.NO_LIQUIDITY
                    || exit.coverage() == Fill.Coverage.NO_LIQUIDITY ? Refusal.NO_LIQUIDITY : Refusal.TOO_THIN);
        }
        BigDecimal crossing = longSide ? loss(entry, exit) : loss(exit, entry);
        BigDecimal fees = perp.fee().multiply(TWO).multiply(HUNDRED);
        BigDecimal rate = funding == null || funding.rate() == null ? BigDecimal.ZERO : funding.rate();
        int interval = funding == null || funding.intervalHours() <= 0 ? 8 : funding.intervalHours();
        FundingIncome income = longSide ? FundingIncome.at(size, rate, interval, BigDecimal.ZERO, interval)
                : FundingIncome.at(size, BigDecimal.ZERO, interval, rate, interval);
        return fundingQuote(size, longSide ? price(entry) : null, longSide ? null : price(entry), gross, fees, crossing,
                income);
    }

    /**
     * A funding quote whose percentages are per 8 hours: the rate spread less the round trip's fees and book
     * crossing spread over the holding time; {@code costUsdt} is the whole round trip's cost.
     */
    private SignalData.SizeQuote fundingQuote(BigDecimal size, BigDecimal buyPrice, BigDecimal sellPrice,
            BigDecimal gross, BigDecimal feesPercent, BigDecimal crossingPercent, FundingIncome income) {
        // the share of the holding time that 8 hours are
        BigDecimal per8h = BigDecimal.valueOf(Duration.ofHours(8).toSeconds())
                .divide(BigDecimal.valueOf(settings.fundingHolding().toSeconds()), Fill.MATH);
        BigDecimal fees = scaled(feesPercent.multiply(per8h));
        BigDecimal depth = scaled(crossingPercent.multiply(per8h));
        BigDecimal net = gross.subtract(fees).subtract(depth);
        BigDecimal cost = scaled(size.multiply(feesPercent.add(crossingPercent)).divide(HUNDRED, Fill.MATH));
        SignalData.FundingIncome view = new SignalData.FundingIncome(scaled(income.perHour().multiply(EIGHT)),
                income.perHour(), income.perDay(), income.breakEvenHours(cost).orElse(null));
        return new SignalData.SizeQuote(size, null, buyPrice, sellPrice, gross, gross, fees, zero(), depth, zero(),
                zero(), net, usdt(size, net), cost, view);
    }

    /**
     * The largest size whose net per 8 h reaches the open threshold, by bisection like
     * {@link ExecutableSpread#largestSizeClearing} (the cost per unit only grows with the size).
     */
    /** A funding pair's round trip at one size, per 8 hours (see {@link #fundingQuote}). */
    private SignalData.SizeQuote pairQuote(BigDecimal size, RoundTrip rt, BigDecimal gross,
            MarketSnapshot.Funding low, MarketSnapshot.Funding high) {
        // hedged, the legs' price gap stays; what the round trip loses is crossing both books twice
        BigDecimal crossing = loss(rt.entryLong(), rt.exitLong()).add(loss(rt.exitShort(), rt.entryShort()));
        FundingIncome income = FundingIncome.at(size, low.rate(), low.intervalHours(), high.rate(),
                high.intervalHours());
        return fundingQuote(size, price(rt.entryLong()), price(rt.entryShort()), gross, rt.feesPercent(), crossing,
                income);
    }

    /** Each size priced by {@code priced} from its round trip, or refused with the reason. */
    private List<SignalData.SizeQuote> priceSizes(Position position, List<BigDecimal> sizes,
            java.util.function.BiFunction<BigDecimal, RoundTrip, SignalData.SizeQuote> priced) {
        List<SignalData.SizeQuote> quotes = new ArrayList<>();
        for (BigDecimal size : sizes) {
            Quote quote = spread.quote(position, size);
            quotes.add(quote.isPriced() ? priced.apply(size, quote.roundTrip()) : refused(size, quote.refusal()));
        }
        return quotes;
    }

    /** What buying at {@code buy}'s average and selling at {@code sell}'s loses, in percent of the buy. */
    private static BigDecimal loss(Fill buy, Fill sell) {
        return buy.averagePrice().subtract(sell.averagePrice()).multiply(HUNDRED).divide(buy.averagePrice(),
                Fill.MATH);
    }

    /** Assembles the block: basis, flags and whether the signal may alert. */
    static SignalData.Execution execution(boolean book, Instant now, List<SignalData.Leg> legs,
            List<SignalData.SizeQuote> quotes, BigDecimal maxSize, SignalData.Transfer transfer,
            List<String> extraFlags) {
        List<String> flags = new ArrayList<>();
        if (!book) {
            flags.add(Flags.TOP_OF_BOOK);
        }
        if (!quotes.isEmpty() && Refusal.TOO_THIN.name().equals(quotes.get(0).refusal())) {
            flags.add(Flags.TOO_THIN);
        }
        if (legs.stream().anyMatch(SignalData.Leg::stale)) {
            flags.add(Flags.STALE_LEG);
        }
        flags.addAll(extraFlags);
        boolean alertable = !flags.contains(Flags.STALE_LEG) && !flags.contains(Flags.TRANSFER_CLOSED)
                && !flags.contains(Flags.TRANSFER_UNKNOWN);
        return new SignalData.Execution(book ? SignalData.Execution.BOOK : SignalData.Execution.TOP_OF_BOOK, now,
                legs, quotes, maxSize, transfer, alertable, flags);
    }

    static SignalData.SizeQuote refused(BigDecimal size, Refusal refusal) {
        return new SignalData.SizeQuote(size, refusal.name(), null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /**
     * One venue's market of the symbol, ready to price: its book when the snapshot carries a fresh one, else its top
     * of book with unlimited quantity, else (Binance perpetuals are read from the mark-price feed) its mark or last
     * price on both sides; empty when the snapshot has no price of it at all.
     */
    Optional<Side> side(MarketSnapshot market, String venue, String kind, Instant now) {
        return side(market, venue, kind, now, settings.bookMaxAge());
    }

    /** {@link #side(MarketSnapshot, String, String, Instant)} with the book age limit given; shared with DexRoute. */
    static Optional<Side> side(MarketSnapshot market, String venue, String kind, Instant now, Duration bookMaxAge) {
        Optional<VenueQuote> found = market.quotes().stream()
                .filter(q -> venue.equals(q.venue()) && kind.equals(q.market())).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VenueQuote q = found.get();
        BigDecimal fee = q.takerFeeRate() == null ? BigDecimal.ZERO : q.takerFeeRate();
        Optional<OrderBook> book = market.books().stream()
                .filter(b -> venue.equals(b.venue()) && kind.equals(b.market()))
                .filter(b -> b.quotedAt() != null && !b.quotedAt().isBefore(now.minus(bookMaxAge)))
                .findFirst();
        if (book.isPresent()) {
            return Optional.of(new Side(q, book.get(), fee, true));
        }
        BigDecimal bid = positive(q.bid()) ? q.bid() : reference(q);
        BigDecimal ask = positive(q.ask()) ? q.ask() : reference(q);
        if (bid == null || ask == null) {
            return Optional.empty();
        }
        OrderBook top = new OrderBook(venue, kind, List.of(new Level(bid, UNLIMITED)),
                List.of(new Level(ask, UNLIMITED)), q.quotedAt());
        return Optional.of(new Side(q, top, fee, false));
    }

    private static BigDecimal reference(VenueQuote quote) {
        if (positive(quote.markPrice())) {
            return quote.markPrice();
        }
        return positive(quote.lastPrice()) ? quote.lastPrice() : null;
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    /** A leg's market: its quote, the book it is priced on, its taker fee, whether the book is a real one. */
    record Side(VenueQuote quote, OrderBook book, BigDecimal fee, boolean fromBook) {

        SignalData.Leg leg(String side, Instant now, Duration staleAfter) {
            Instant quotedAt = fromBook && book.quotedAt() != null ? book.quotedAt() : quote.quotedAt();
            List<Level> levels = "BUY".equals(side) ? book.asks() : book.bids();
            BigDecimal price = levels.isEmpty() ? null : levels.get(0).price();
            long age = quotedAt == null ? Long.MAX_VALUE : Math.max(0, Duration.between(quotedAt, now).toMillis());
            return new SignalData.Leg(side, quote.venue(), quote.market(), price, quotedAt,
                    quotedAt == null ? -1 : age, quotedAt == null || age > staleAfter.toMillis());
        }
    }

    /** A fill's average price for the wire: 12 significant digits (PEPE's 0.0000192312… keeps its digits). */
    static BigDecimal price(Fill fill) {
        return fill.averagePrice().round(PRICE).stripTrailingZeros();
    }

    private static BigDecimal usdt(BigDecimal size, BigDecimal percent) {
        return scaled(size.multiply(percent).divide(HUNDRED, Fill.MATH));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
