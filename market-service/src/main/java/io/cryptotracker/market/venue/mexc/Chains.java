package io.cryptotracker.market.venue.mexc;

import java.util.Locale;
import java.util.Map;

/** MEXC's network names ({@code ERC20}, {@code BEP20(BSC)}, {@code SOL}…) as DexScreener chain ids. */
final class Chains {

    private static final Map<String, String> DEXSCREENER = Map.ofEntries(Map.entry("ETH", "ethereum"),
            Map.entry("ERC20", "ethereum"), Map.entry("BSC", "bsc"), Map.entry("BEP20", "bsc"),
            Map.entry("BEP20(BSC)", "bsc"), Map.entry("SOL", "solana"), Map.entry("SOLANA", "solana"),
            Map.entry("ARB", "arbitrum"), Map.entry("ARBITRUM", "arbitrum"), Map.entry("ARBITRUM ONE", "arbitrum"),
            Map.entry("BASE", "base"), Map.entry("MATIC", "polygon"), Map.entry("POLYGON", "polygon"),
            Map.entry("TRX", "tron"), Map.entry("TRC20", "tron"), Map.entry("AVAXC", "avalanche"),
            Map.entry("AVAX_CCHAIN", "avalanche"), Map.entry("AVAX-C", "avalanche"), Map.entry("OP", "optimism"),
            Map.entry("OPTIMISM", "optimism"), Map.entry("TON", "ton"), Map.entry("SUI", "sui"),
            Map.entry("APTOS", "aptos"), Map.entry("APT", "aptos"));

    private Chains() {
    }

    /** The DexScreener chain id, null for networks without one (e.g. a coin's own chain like BTC). */
    static String dexScreenerChain(String mexcNetwork) {
        return mexcNetwork == null ? null : DEXSCREENER.get(mexcNetwork.trim().toUpperCase(Locale.ROOT));
    }
}
