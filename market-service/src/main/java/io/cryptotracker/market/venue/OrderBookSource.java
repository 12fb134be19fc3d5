package io.cryptotracker.market.venue;

import io.cryptotracker.common.events.MarketSnapshot;

/**
 * A venue's order book of one market, read on demand for the few symbols whose spread is near a threshold. Reads
 * go through the venue's own rate-limited client, the one its quotes use.
 */
public interface OrderBookSource {

    /** The source ({@code mexc-spot}…): its metric tag and the key of its depth budget. */
    String name();

    /** The venue as quotes name it: {@code mexc}, {@code binance}, {@code bybit}. */
    String venue();

    /** {@code spot} or {@code perp}. */
    String market();

    /** What one read of {@code levels} levels costs against the venue's published limit (its request weight). */
    default int weight(int levels) {
        return 1;
    }

    /**
     * @param instrument the venue's name of the market, as its quote carried it
     * @param levels how many levels per side to ask for
     * @return the book normalized to base units, best levels first
     * @throws io.cryptotracker.market.source.SourceException when the venue refuses or answers nonsense
     */
    MarketSnapshot.OrderBook orderBook(String instrument, int levels);
}
