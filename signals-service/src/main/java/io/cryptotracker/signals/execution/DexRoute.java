package io.cryptotracker.signals.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.MarketSnapshot.DexPool;
import io.cryptotracker.common.events.MarketSnapshot.Level;
import io.cryptotracker.common.events.MarketSnapshot.NetworkStatus;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.DetectionSettings;

/**
 * Prices a MEXC↔DEX signal for execution: buy on one side, move the coins over the token's network, sell on the
 * other. The signal's {@code dex} part names the route: the pool (chain and pair address), the token's contract and
 * the direction, {@code BUY_MEXC_SELL_DEX} (MEXC's asks, a withdrawal, a swap into the pool) or
 * {@code BUY_DEX_SELL_MEXC} (a swap out of the pool, a deposit, MEXC's bids).
 *
 * <p><b>MEXC leg</b>: walked through MEXC's spot book when the snapshot carries a fresh one ({@code BOOK}), else
 * priced at its top of book with the depth unknown ({@code TOP_OF_BOOK}, flagged, no largest size), like
 * {@link ExecutionPricer}'s legs.
 *
 * <p><b>DEX leg</b>: the pool is taken as a constant-product pool ({@code x · y = k}, Uniswap v2 style) holding half
 * its liquidity on each side, so its USD reserve is {@code R = liquidityUsd / 2} and its token reserve
 * {@code R / p} at the pool price {@code p}. For a size {@code S} in USD (each leg trades the same notional, as
 * everywhere in {@code execution/}):
 * <pre>
 *   buy on the DEX, paying S:        average = p · (R + S) / R   (impact S / R)
 *   sell on the DEX, receiving S:    average = p · (R − S) / R   (impact S / R; S ≥ R cannot fill: TOO_THIN)
 * </pre>
 * Concentrated-liquidity pools (v3) move less near the price, so the estimate errs on the side of cost. The swap fee
 * ({@code signals.detection.dex-swap-fee-percent}) is charged on top of the impact, not folded into it.
 *
 * <p><b>One way, no exit</b>: the route ends when the coins are sold on the other side; no position stays open to
 * be closed, so no exit is charged ({@code exitDepthPercent} is zero) and each venue's fee is charged once: MEXC's
 * taker fee on its one trade (bought in, or sold out) and the pool's swap fee on the one swap. Moving the USDT back
 * to repeat the trade is inventory, not this trade's cost, and is not charged; nor is the price risk while the coins
 * move.
 *
 * <p><b>Costs</b> of a size quote, in percent of the size {@code S}:
 * <pre>
 *   feesPercent     = MEXC taker fee × 100
 *   transferPercent = swapFeePercent + (withdrawFeeUsdt + gasUsdt) × 100 / S
 *   withdrawFeeUsdt = MEXC's withdrawal fee of the network (in the coin) × MEXC's best ask   (WITHDRAW routes;
 *                     zero for DEPOSIT routes, as MEXC charges no deposit fee)
 *   gasUsdt         = signals.execution.gas-usdt of the chain × transactions: one swap, plus the send to MEXC's
 *                     deposit address on a DEPOSIT route (MEXC pays the gas of its withdrawals from its fee)
 * </pre>
 * and the identity of {@link SignalData.SizeQuote}: {@code netPercent = topOfBookPercent − feesPercent −
 * transferPercent − depthPercent = grossPercent − feesPercent − transferPercent} ({@code depthPercent =
 * topOfBookPercent − grossPercent}: MEXC's book walk and the pool's impact; funding and exit depth are zero), exact on
 * the six-decimal figures as given.
 *
 * <p><b>Guards</b>: the MEXC price the route trades at and the pool's price further apart than
 * {@link ExecutionSettings#maxPriceRatio()} refuse every size with {@code PRICE_MISMATCH} (another token under the
 * same name, a redenominated one, a broken feed); a crossed MEXC book {@code CROSSED_BOOK}; an empty MEXC side or a
 * pool without liquidity {@code NO_LIQUIDITY}. A leg older than its stale limit ({@code staleAfter} for MEXC,
 * {@code dexStaleAfter} for the pool) is marked stale and flags the signal. The transfer state is
 * {@link TransferState}'s.
 */
public class DexRoute {

    /** The direction that buys on MEXC and sells on the DEX; the other buys on the DEX. */
    public static final String BUY_MEXC_SELL_DEX = "BUY_MEXC_SELL_DEX";
    private static final int SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** The ratio between the sizes the largest-size search tries before it bisects. */
    private static final BigDecimal GRID_STEP = new BigDecimal("1.25");

    private final ExecutionSettings settings;
    private final DetectionSettings detection;

    public DexRoute(ExecutionSettings settings, DetectionSettings detection) {
        this.settings = settings;
        this.detection = detection;
    }

    /**
     * The execution block of {@code signal} (a {@code mexc-dex} one) at {@code sizesUsdt} against {@code market}, its
     * largest size measured against {@code openThresholdPercent}; empty when the market lacks one of its legs (MEXC's
     * spot quote or the pool).
     */
    public Optional<SignalData.Execution> price(SignalData signal, MarketSnapshot market, List<BigDecimal> sizesUsdt,
            BigDecimal openThresholdPercent, Instant now) {
        SignalData.Dex details = signal.dex();
        if (details == null) {
            return Optional.empty();
        }
        Optional<DexPool> pool = pool(market, details);
        Optional<ExecutionPricer.Side> mexc = ExecutionPricer.side(market, "mexc", "spot", now,
                settings.bookMaxAge());
        if (pool.isEmpty() || mexc.isEmpty()) {
            return Optional.empty();
        }
        boolean buyMexc = BUY_MEXC_SELL_DEX.equals(details.direction());
        String needed = TransferState.needed(details.direction());
        NetworkStatus network = TransferState.network(market, pool.get().chain(), pool.get().tokenAddress())
                .orElse(null);
        TransferState state = TransferState.of(network, now, settings.transferStatusMaxAge());
        Route route = new Route(mexc.get(), pool.get(), buyMexc, network, settings.gasUsdt(pool.get().chain()),
                detection.dexSwapFeePercent(), settings.maxPriceRatio());

        List<SignalData.SizeQuote> quotes = new ArrayList<>();
        for (BigDecimal size : sizesUsdt) {
            quotes.add(route.quote(size));
        }
        BigDecimal maxSize = mexc.get().fromBook() ? largestSizeClearing(route, openThresholdPercent) : null;
        SignalData.Leg mexcLeg = mexc.get().leg(buyMexc ? "BUY" : "SELL", now, detection.staleAfter());
        SignalData.Leg dexLeg = dexLeg(pool.get(), buyMexc ? "SELL" : "BUY", now, detection.dexStaleAfter());
        List<SignalData.Leg> legs = buyMexc ? List.of(mexcLeg, dexLeg) : List.of(dexLeg, mexcLeg);
        SignalData.Transfer transfer = new SignalData.Transfer(network == null ? null : network.network(),
                pool.get().chain(), needed, state.deposit(), state.withdraw(), state.checkedAt(), state.ageSeconds(),
                network == null ? null : network.withdrawFee(), route.withdrawFeeUsdt(), route.gasUsdt(),
                route.swapFeePercent());
        return Optional.of(ExecutionPricer.execution(mexc.get().fromBook(), now, legs, quotes, maxSize, transfer,
                state.flag(needed).stream().toList()));
    }

    /** The signal's pool in the snapshot: same chain, same pair address (compared case-insensitively). */
    private static Optional<DexPool> pool(MarketSnapshot market, SignalData.Dex details) {
        return market.dexPools().stream()
                .filter(pool -> pool.pairAddress() != null
                        && pool.pairAddress().equalsIgnoreCase(details.pairAddress()))
                .filter(pool -> pool.chain() != null && pool.chain().equalsIgnoreCase(details.chain()))
                .filter(pool -> pool.priceUsd() != null && pool.priceUsd().signum() > 0)
                .findFirst();
    }

    private static SignalData.Leg dexLeg(DexPool pool, String side, Instant now, Duration staleAfter) {
        Instant quotedAt = pool.quotedAt();
        long age = quotedAt == null ? -1 : Math.max(0, Duration.between(quotedAt, now).toMillis());
        return new SignalData.Leg(side, pool.dex() == null ? "dex" : pool.dex(), "dex", pool.priceUsd(), quotedAt,
                age, quotedAt == null || age > staleAfter.toMillis());
    }

    /**
     * The largest size per leg, to the whole USDT, whose net reaches {@code thresholdPercent}; null when none does.
     * Unlike a book-only round trip the net is not monotone in the size: the fixed costs (withdrawal fee, gas) weigh
     * less as the size grows while the impact weighs more. So sizes from {@link ExecutionPricer#MIN_SEARCH_SIZE} up
     * to what MEXC's side and the pool can take are tried 1.25 times apart, and the step after the last
     * one that clears is bisected – exact when the net rises then falls, as those two effects make it.
     */
    private static BigDecimal largestSizeClearing(Route route, BigDecimal thresholdPercent) {
        BigDecimal min = ExecutionPricer.MIN_SEARCH_SIZE;
        BigDecimal upper = route.capacity().setScale(0, RoundingMode.FLOOR);
        if (upper.compareTo(min) <= 0) {
            return route.clears(min, thresholdPercent) ? min : null;
        }
        BigDecimal clearing = null;
        BigDecimal beyond = null;
        BigDecimal size = min;
        while (true) {
            if (route.clears(size, thresholdPercent)) {
                clearing = size;
                beyond = null;
            }
            else if (clearing != null && beyond == null) {
                beyond = size;
            }
            if (size.compareTo(upper) >= 0) {
                break;
            }
            size = size.multiply(GRID_STEP).setScale(0, RoundingMode.CEILING).min(upper);
        }
        if (clearing == null || beyond == null) {
            return clearing;
        }
        return ExecutableSpread.lastClearing(candidate -> route.clears(candidate, thresholdPercent), clearing, beyond);
    }

    /** One route's legs and fixed costs, priced at any size. */
    private record Route(ExecutionPricer.Side mexc, DexPool pool, boolean buyMexc, BigDecimal withdrawFeeUsdt,
            BigDecimal gasUsdt, BigDecimal swapFeePercent, BigDecimal maxPriceRatio) {

        Route(ExecutionPricer.Side mexc, DexPool pool, boolean buyMexc, NetworkStatus network, BigDecimal gasPerTx,
                BigDecimal swapFeePercent, BigDecimal maxPriceRatio) {
            this(mexc, pool, buyMexc, withdrawFeeUsdt(mexc, buyMexc, network),
                    buyMexc ? gasPerTx : gasPerTx.multiply(TWO), swapFeePercent, maxPriceRatio);
        }

        /** What the withdrawal costs in USDT at MEXC's best ask; zero on a deposit route, null when unknown. */
        private static BigDecimal withdrawFeeUsdt(ExecutionPricer.Side mexc, boolean buyMexc, NetworkStatus network) {
            if (!buyMexc) {
                return BigDecimal.ZERO.setScale(SCALE);
            }
            List<Level> asks = mexc.book().asks();
            if (network == null || network.withdrawFee() == null || asks.isEmpty()) {
                return null;
            }
            return scaled(network.withdrawFee().multiply(asks.get(0).price()));
        }

        /** The MEXC side the route trades: its asks when it buys there, its bids when it sells. */
        List<Level> mexcSide() {
            return buyMexc ? mexc.book().asks() : mexc.book().bids();
        }

        /** The USD reserve of the pool's constant-product model: half its liquidity; zero when unknown. */
        BigDecimal reserveUsd() {
            return pool.liquidityUsd() == null || pool.liquidityUsd().signum() <= 0 ? BigDecimal.ZERO
                    : pool.liquidityUsd().divide(TWO, Fill.MATH);
        }

        /** The largest notional both legs could take: MEXC's side, and the pool's reserve when selling into it. */
        BigDecimal capacity() {
            BigDecimal mexcDepth = Fill.depthNotional(mexcSide());
            return buyMexc ? mexcDepth.min(reserveUsd()) : mexcDepth;
        }

        boolean clears(BigDecimal size, BigDecimal thresholdPercent) {
            SignalData.SizeQuote quote = quote(size);
            return quote.refusal() == null && quote.netPercent().compareTo(thresholdPercent) >= 0;
        }

        /** Why no size of this route can be priced, or null. */
        private Refusal check() {
            List<Level> bids = mexc.book().bids();
            List<Level> asks = mexc.book().asks();
            if (mexcSide().isEmpty() || reserveUsd().signum() == 0) {
                return Refusal.NO_LIQUIDITY;
            }
            // a top of book made of one reference price (no bid/ask quoted) has bid = ask and is not crossed
            int order = bids.isEmpty() || asks.isEmpty() ? -1 : bids.get(0).price().compareTo(asks.get(0).price());
            if (order > 0 || order == 0 && mexc.fromBook()) {
                return Refusal.CROSSED_BOOK;
            }
            BigDecimal mexcPrice = mexcSide().get(0).price();
            BigDecimal poolPrice = pool.priceUsd();
            BigDecimal ratio = mexcPrice.max(poolPrice).divide(mexcPrice.min(poolPrice), Fill.MATH);
            return ratio.compareTo(maxPriceRatio) > 0 ? Refusal.PRICE_MISMATCH : null;
        }

        SignalData.SizeQuote quote(BigDecimal size) {
            Refusal refusal = check();
            if (refusal != null) {
                return ExecutionPricer.refused(size, refusal);
            }
            Fill mexcFill = buyMexc ? Fill.buy(mexc.book().asks(), size) : Fill.sell(mexc.book().bids(), size);
            BigDecimal reserve = reserveUsd();
            if (!mexcFill.isFull() || buyMexc && size.compareTo(reserve) >= 0) {
                return ExecutionPricer.refused(size, Refusal.TOO_THIN);
            }
            BigDecimal p = pool.priceUsd();
            BigDecimal dexAverage = buyMexc ? p.multiply(reserve.subtract(size)).divide(reserve, Fill.MATH)
                    : p.multiply(reserve.add(size)).divide(reserve, Fill.MATH);
            BigDecimal buyTop = buyMexc ? mexcFill.topPrice() : p;
            BigDecimal sellTop = buyMexc ? p : mexcFill.topPrice();
            BigDecimal buyAverage = buyMexc ? mexcFill.averagePrice() : dexAverage;
            BigDecimal sellAverage = buyMexc ? dexAverage : mexcFill.averagePrice();

            BigDecimal top = scaled(spreadPercent(buyTop, sellTop));
            BigDecimal gross = scaled(spreadPercent(buyAverage, sellAverage));
            BigDecimal depth = top.subtract(gross);
            BigDecimal fees = scaled(mexc.fee().multiply(HUNDRED));
            BigDecimal fixedUsdt = gasUsdt.add(withdrawFeeUsdt == null ? BigDecimal.ZERO : withdrawFeeUsdt);
            BigDecimal transfer = scaled(swapFeePercent.add(fixedUsdt.multiply(HUNDRED).divide(size, Fill.MATH)));
            BigDecimal net = gross.subtract(fees).subtract(transfer);
            BigDecimal zero = BigDecimal.ZERO.setScale(SCALE);
            return new SignalData.SizeQuote(size, null, buyAverage, sellAverage, top, gross, fees, transfer, depth,
                    zero, zero, net, percentOf(size, net), percentOf(size, fees.add(transfer).add(depth)), null);
        }
    }

    /** What selling at {@code sell} earns over buying at {@code buy}, in percent of {@code buy}, unrounded. */
    private static BigDecimal spreadPercent(BigDecimal buy, BigDecimal sell) {
        return sell.subtract(buy).multiply(HUNDRED).divide(buy, Fill.MATH);
    }

    private static BigDecimal percentOf(BigDecimal size, BigDecimal percent) {
        return scaled(size.multiply(percent).divide(HUNDRED, Fill.MATH));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
