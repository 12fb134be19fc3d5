package io.cryptotracker.market.venue;

import java.util.List;
import java.util.Map;

import io.cryptotracker.common.events.MarketSnapshot;

/** Deposit and withdraw status of each asset per network, with the token's contract address there. */
public interface NetworkStatusSource {

    String name();

    /** Whether the source can be asked at all (a signed call needs a key). */
    boolean available();

    /** Asset (e.g. {@code PEPE}) to its networks. */
    Map<String, List<MarketSnapshot.NetworkStatus>> networks();
}
