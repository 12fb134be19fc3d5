package io.cryptotracker.signals.detect;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.store.SignalKind;

/**
 * MEXC spot against on-chain pools of the same token. A pool counts only when its token's contract address is one
 * MEXC lists for the coin (on the pool's chain), never by ticker; thin pools are ignored. Buy on MEXC at its ask and
 * sell on the DEX, or buy on the DEX and sell on MEXC at its bid; net of MEXC's taker fee and the DEX leg's cost. The
 * signal carries whether MEXC deposits and withdrawals are open on that chain.
 *
 * <p>A stale pool price or MEXC quote still makes a candidate: its execution ({@code DexRoute}) marks the leg stale,
 * and such a candidate never opens or moves a signal but tells an open one that its legs went stale.
 */
public final class DexDetector {

    /** Quote assets a USD pool price compares with. */
    private static final Set<String> USD_QUOTES = Set.of("USDT", "USDC", "USD");

    private final DetectionSettings settings;

    public DexDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    public List<Candidate> detect(MarketSnapshot snapshot, Instant now) {
        if (snapshot.quoteAsset() == null || !USD_QUOTES.contains(snapshot.quoteAsset().toUpperCase(Locale.ROOT))) {
            return List.of();
        }
        Optional<MarketSnapshot.VenueQuote> mexc = snapshot.quotes().stream()
                .filter(quote -> "mexc".equals(quote.venue()) && "spot".equals(quote.market()))
                .filter(quote -> quote.bid() != null && quote.ask() != null && quote.bid().signum() > 0
                        && quote.ask().signum() > 0)
                .findFirst();
        if (mexc.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (MarketSnapshot.DexPool pool : snapshot.dexPools()) {
            if (pool.priceUsd() == null || pool.priceUsd().signum() <= 0 || pool.tokenAddress() == null
                    || pool.pairAddress() == null || pool.liquidityUsd() == null
                    || pool.liquidityUsd().compareTo(settings.minLiquidityUsd()) < 0) {
                continue;
            }
            network(snapshot, pool).ifPresent(network -> candidates.add(candidate(snapshot, mexc.get(), pool,
                    network)));
        }
        return candidates;
    }

    /**
     * MEXC's network whose contract is the pool's token (addresses compared case-insensitively, as EVM's are); the
     * same rule as {@code execution.TransferState.network}, kept apart so {@code detect} does not depend on
     * {@code execution}, which depends on it.
     */
    private static Optional<MarketSnapshot.NetworkStatus> network(MarketSnapshot snapshot, MarketSnapshot.DexPool pool) {
        return snapshot.networks().stream()
                .filter(network -> network.contractAddress() != null
                        && network.contractAddress().equalsIgnoreCase(pool.tokenAddress()))
                .filter(network -> network.chain() == null || pool.chain() == null
                        || network.chain().equalsIgnoreCase(pool.chain()))
                .findFirst();
    }

    private Candidate candidate(MarketSnapshot snapshot, MarketSnapshot.VenueQuote mexc, MarketSnapshot.DexPool pool,
            MarketSnapshot.NetworkStatus network) {
        BigDecimal buyMexc = SpreadMath.grossPercent(mexc.ask(), pool.priceUsd());
        BigDecimal buyDex = SpreadMath.grossPercent(pool.priceUsd(), mexc.bid());
        boolean mexcFirst = buyMexc.compareTo(buyDex) >= 0;
        BigDecimal gross = mexcFirst ? buyMexc : buyDex;
        BigDecimal net = SpreadMath.netPercent(gross, mexc.takerFeeRate(),
                settings.dexSwapFeePercent().movePointLeft(2));
        SignalData.Dex details = new SignalData.Dex(pool.chain(), pool.dex(), pool.pairAddress(), pool.tokenAddress(),
                mexc.bid(), mexc.ask(), pool.priceUsd(), pool.liquidityUsd(), pool.volume24hUsd(),
                mexcFirst ? "BUY_MEXC_SELL_DEX" : "BUY_DEX_SELL_MEXC", network.depositEnabled(),
                network.withdrawEnabled());
        return new Candidate(SignalKind.MEXC_DEX, snapshot.symbol(), routeKey(pool.chain(), pool.pairAddress()),
                gross, net, null, null, details);
    }

    /** The venue key of MEXC against one pool. */
    public static String routeKey(String chain, String pairAddress) {
        return "mexc|" + chain + ":" + pairAddress;
    }
}
