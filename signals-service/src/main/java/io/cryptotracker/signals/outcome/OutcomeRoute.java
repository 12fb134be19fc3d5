package io.cryptotracker.signals.outcome;

import java.util.Locale;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.detect.DexDetector;
import io.cryptotracker.signals.detect.FundingRateDetector;
import io.cryptotracker.signals.detect.SpotFuturesDetector;
import io.cryptotracker.signals.store.SignalSource;
import io.cryptotracker.signals.store.StoredSignal;

/**
 * The route a signal is about, as the ledger stores it: the detector's venue key its observations match on, the two
 * venues ({@code binance perp}) and their exchanges, and a Telegram signal's channel.
 * <p>
 * A detector signal's key is its own. A Telegram or manual signal gets the key the detector would give the same
 * venues when its details name them (spot–futures has one route per symbol; a funding pair needs both exchanges, an
 * extreme rate its one; MEXC↔DEX the chain and the pool); otherwise it keeps its own key, which no observation
 * matches, so its checkpoints end {@code NO_DATA}.
 *
 * @param venueKey the detector's venue key of the route, or the signal's own
 * @param buyVenue the venue bought at entry, e.g. {@code binance perp}; null when the signal names none
 * @param channel TELEGRAM: the chat id the post came from
 */
public record OutcomeRoute(String venueKey, String buyVenue, String sellVenue, String buyExchange,
        String sellExchange, String channel) {

    public static OutcomeRoute of(StoredSignal signal) {
        SignalData data = signal.data();
        boolean detector = SignalSource.DETECTOR.name().equals(data.source());
        String channel = SignalSource.TELEGRAM.name().equals(data.source()) ? channelOf(signal.venueKey()) : null;
        return switch (signal.kind()) {
            case MEXC_SPOT_FUTURES -> spotFutures(data.spotFutures(), channel);
            case FUNDING_RATE -> funding(data.funding(), detector ? signal.venueKey() : null, signal.venueKey(),
                    channel);
            case MEXC_DEX -> dex(data.dex(), detector ? signal.venueKey() : null, signal.venueKey(), channel);
        };
    }

    private static OutcomeRoute spotFutures(SignalData.SpotFutures details, String channel) {
        String direction = details == null ? null : details.direction();
        if ("BUY_SPOT_SHORT_PERP".equals(direction)) {
            return new OutcomeRoute(SpotFuturesDetector.VENUES, "mexc spot", "mexc perp", "mexc", "mexc", channel);
        }
        if ("SELL_SPOT_LONG_PERP".equals(direction)) {
            return new OutcomeRoute(SpotFuturesDetector.VENUES, "mexc perp", "mexc spot", "mexc", "mexc", channel);
        }
        return new OutcomeRoute(SpotFuturesDetector.VENUES, null, null, "mexc", "mexc", channel);
    }

    /** Long where the rate is low (bought), short where it is high (sold). */
    private static OutcomeRoute funding(SignalData.Funding details, String detectorKey, String ownKey,
            String channel) {
        String longExchange = details == null ? null : exchange(details.longExchange());
        String shortExchange = details == null ? null : exchange(details.shortExchange());
        String key = detectorKey;
        if (key == null) {
            if (longExchange != null && shortExchange != null && !longExchange.equals(shortExchange)) {
                key = FundingRateDetector.pairKey(longExchange, shortExchange);
            }
            else if (longExchange != null ^ shortExchange != null) {
                key = FundingRateDetector.extremeKey(longExchange != null ? longExchange : shortExchange);
            }
            else {
                key = ownKey;
            }
        }
        return new OutcomeRoute(key, venue(longExchange, "perp"), venue(shortExchange, "perp"), longExchange,
                shortExchange, channel);
    }

    private static OutcomeRoute dex(SignalData.Dex details, String detectorKey, String ownKey, String channel) {
        if (details == null) {
            return new OutcomeRoute(detectorKey != null ? detectorKey : ownKey, null, null, null, null, channel);
        }
        String chain = details.chain() == null ? null : details.chain().toLowerCase(Locale.ROOT);
        String key = detectorKey != null ? detectorKey
                : chain != null && details.pairAddress() != null ? DexDetector.routeKey(chain, details.pairAddress())
                : ownKey;
        String pool = exchange(details.dex());
        String dexVenue = venue(pool, "dex");
        if ("BUY_MEXC_SELL_DEX".equals(details.direction())) {
            return new OutcomeRoute(key, "mexc spot", dexVenue, "mexc", pool, channel);
        }
        if ("BUY_DEX_SELL_MEXC".equals(details.direction())) {
            return new OutcomeRoute(key, dexVenue, "mexc spot", pool, "mexc", channel);
        }
        return new OutcomeRoute(key, null, null, null, null, channel);
    }

    private static String exchange(String name) {
        return name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    private static String venue(String exchange, String market) {
        return exchange == null ? null : exchange + " " + market;
    }

    /** {@code tg:<chatId>:<messageId>:<index>} → the chat id. */
    static String channelOf(String venueKey) {
        if (venueKey == null || !venueKey.startsWith("tg:")) {
            return null;
        }
        String[] parts = venueKey.split(":");
        return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
    }

    /** Whether observations of the detector can match this key at all. */
    boolean observable() {
        return !venueKey.startsWith("tg:") && !venueKey.startsWith("manual:");
    }
}
