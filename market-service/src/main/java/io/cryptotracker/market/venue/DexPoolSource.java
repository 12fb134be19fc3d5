package io.cryptotracker.market.venue;

import java.util.Collection;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot;

/** On-chain pools of given tokens, looked up by contract address (never by ticker). */
public interface DexPoolSource {

    String name();

    /**
     * @param tokens the tokens to look up
     * @return pools whose base token is one of them and that have a USD price
     */
    List<MarketSnapshot.DexPool> pools(Collection<TokenAddress> tokens);

    /** A token contract on a chain, with DexScreener's chain id ({@code ethereum}, {@code bsc}, {@code solana}…). */
    record TokenAddress(String chain, String address) {
    }
}
