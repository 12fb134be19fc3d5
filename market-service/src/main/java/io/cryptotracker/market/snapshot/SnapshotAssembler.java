package io.cryptotracker.market.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.venue.DexPoolSource.TokenAddress;
import io.cryptotracker.market.venue.VenueQuoteOf;

/**
 * Groups normalized quotes by unified symbol into {@link MarketSnapshot}s. DEX pools join a symbol only through
 * the contract address MEXC lists for its base asset on that chain – never by ticker, since anyone can deploy a
 * token called PEPE. A symbol is published when it can make a spread: two venue quotes, or one and a DEX pool.
 */
public final class SnapshotAssembler {

    private static final Comparator<MarketSnapshot.VenueQuote> VENUE_ORDER = Comparator
            .comparing(MarketSnapshot.VenueQuote::venue).thenComparing(MarketSnapshot.VenueQuote::market);

    private final Set<String> quoteAssets;

    /** @param quoteAssets the quote currencies snapshots are made for, e.g. {@code USDT} */
    public SnapshotAssembler(Set<String> quoteAssets) {
        this.quoteAssets = Set.copyOf(quoteAssets);
    }

    public List<MarketSnapshot> assemble(List<VenueQuoteOf> quotes,
            Map<String, List<MarketSnapshot.NetworkStatus>> networks, List<MarketSnapshot.DexPool> pools) {
        Map<String, List<VenueQuoteOf>> bySymbol = new TreeMap<>();
        for (VenueQuoteOf quote : quotes) {
            if (quoteAssets.contains(quote.quote())) {
                bySymbol.computeIfAbsent(quote.symbol(), symbol -> new ArrayList<>(4)).add(quote);
            }
        }
        Map<String, List<MarketSnapshot.DexPool>> poolsByToken = new HashMap<>();
        for (MarketSnapshot.DexPool pool : pools) {
            poolsByToken.computeIfAbsent(tokenKey(pool.chain(), pool.tokenAddress()), key -> new ArrayList<>(2))
                    .add(pool);
        }
        List<MarketSnapshot> snapshots = new ArrayList<>(bySymbol.size());
        for (Map.Entry<String, List<VenueQuoteOf>> entry : bySymbol.entrySet()) {
            VenueQuoteOf first = entry.getValue().get(0);
            List<MarketSnapshot.NetworkStatus> assetNetworks = networks.getOrDefault(first.base(), List.of());
            List<MarketSnapshot.DexPool> matched = matchedPools(assetNetworks, poolsByToken);
            List<MarketSnapshot.VenueQuote> venueQuotes = new ArrayList<>(entry.getValue().size());
            for (VenueQuoteOf quote : entry.getValue()) {
                venueQuotes.add(quote.venueQuote());
            }
            if (venueQuotes.size() < 2 && (venueQuotes.isEmpty() || matched.isEmpty())) {
                continue;
            }
            venueQuotes.sort(VENUE_ORDER);
            snapshots.add(MarketSnapshot.of(entry.getKey(), first.base(), first.quote(), venueQuotes, matched,
                    assetNetworks));
        }
        return snapshots;
    }

    /** The tokens worth looking up on DEXes: contracts MEXC lists for assets it trades. */
    public static Set<TokenAddress> dexTokens(Set<String> assets,
            Map<String, List<MarketSnapshot.NetworkStatus>> networks) {
        Set<TokenAddress> tokens = new LinkedHashSet<>();
        for (String asset : assets) {
            for (MarketSnapshot.NetworkStatus network : networks.getOrDefault(asset, List.of())) {
                if (network.chain() != null && network.contractAddress() != null) {
                    tokens.add(new TokenAddress(network.chain(), network.contractAddress()));
                }
            }
        }
        return tokens;
    }

    private static List<MarketSnapshot.DexPool> matchedPools(List<MarketSnapshot.NetworkStatus> networks,
            Map<String, List<MarketSnapshot.DexPool>> poolsByToken) {
        if (networks.isEmpty() || poolsByToken.isEmpty()) {
            return List.of();
        }
        List<MarketSnapshot.DexPool> matched = new ArrayList<>();
        for (MarketSnapshot.NetworkStatus network : networks) {
            if (network.chain() != null && network.contractAddress() != null) {
                matched.addAll(poolsByToken.getOrDefault(tokenKey(network.chain(), network.contractAddress()),
                        List.of()));
            }
        }
        matched.sort(Comparator.comparing(MarketSnapshot.DexPool::liquidityUsd,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return matched;
    }

    /** EVM addresses are case-insensitive (checksum casing varies); Solana's base58 addresses are not. */
    private static String tokenKey(String chain, String address) {
        String normalized = address.startsWith("0x") || address.startsWith("0X") ? address.toLowerCase(Locale.ROOT)
                : address;
        return chain + "|" + normalized;
    }
}
