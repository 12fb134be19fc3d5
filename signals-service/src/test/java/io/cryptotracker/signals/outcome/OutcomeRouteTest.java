package io.cryptotracker.signals.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.store.StoredSignal;
import org.junit.jupiter.api.Test;

/** Which detector route a signal's observations come from, and the venues the statistics group by. */
class OutcomeRouteTest {

    static StoredSignal signal(String kind, String source, String venueKey, SignalData.SpotFutures spotFutures,
            SignalData.Funding funding, SignalData.Dex dex) {
        return new StoredSignal(new SignalData(UUID.randomUUID(), kind, "BTC/USDT", BigDecimal.ONE, BigDecimal.ONE,
                null, "OPEN", source, null, null, null, spotFutures, funding, dex, null), venueKey, null);
    }

    static SignalData.Funding funding(String longExchange, String shortExchange) {
        return new SignalData.Funding(longExchange, shortExchange, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static SignalData.Dex dex(String chain, String pair, String direction) {
        return new SignalData.Dex(chain, "raydium", pair, null, null, null, null, null, null, direction, null, null);
    }

    @Test
    void aDetectorSignalKeepsItsOwnKeyAndNamesItsVenues() {
        OutcomeRoute route = OutcomeRoute.of(signal(SignalData.FUNDING_RATE, "DETECTOR", "binance|bybit", null,
                funding("bybit", "binance"), null));

        assertThat(route).isEqualTo(new OutcomeRoute("binance|bybit", "bybit perp", "binance perp", "bybit",
                "binance", null));
        assertThat(route.observable()).isTrue();
    }

    @Test
    void aTelegramFundingPairGetsTheDetectorsKeyAndItsChannel() {
        OutcomeRoute route = OutcomeRoute.of(signal(SignalData.FUNDING_RATE, "TELEGRAM", "tg:-100123:77:0", null,
                funding("MEXC", "gate"), null));

        assertThat(route).isEqualTo(new OutcomeRoute("gate|mexc", "mexc perp", "gate perp", "mexc", "gate",
                "-100123"));
    }

    @Test
    void aTelegramExtremeRateGetsTheDetectorsExtremeKey() {
        OutcomeRoute route = OutcomeRoute.of(signal(SignalData.FUNDING_RATE, "TELEGRAM", "tg:-100123:78:0", null,
                funding(null, "bybit"), null));

        assertThat(route.venueKey()).isEqualTo("extreme:bybit");
        assertThat(route.buyVenue()).isNull();
        assertThat(route.sellVenue()).isEqualTo("bybit perp");
    }

    @Test
    void aSpotFuturesSignalOfAnySourceHasTheOneRouteOfItsSymbol() {
        SignalData.SpotFutures sellSpot = new SignalData.SpotFutures(null, null, null, null, "SELL_SPOT_LONG_PERP",
                null, null, null, null);
        OutcomeRoute route = OutcomeRoute.of(signal(SignalData.MEXC_SPOT_FUTURES, "MANUAL", "manual:x", sellSpot,
                null, null));

        assertThat(route).isEqualTo(new OutcomeRoute("mexc:spot|mexc:perp", "mexc perp", "mexc spot", "mexc", "mexc",
                null));
    }

    @Test
    void aDexSignalNamingItsPoolGetsTheDetectorsKey() {
        OutcomeRoute route = OutcomeRoute.of(signal(SignalData.MEXC_DEX, "TELEGRAM", "tg:-5:1:0", null, null,
                dex("Solana", "PairAddr1", "BUY_DEX_SELL_MEXC")));

        assertThat(route).isEqualTo(new OutcomeRoute("mexc|solana:PairAddr1", "raydium dex", "mexc spot", "raydium",
                "mexc", "-5"));
    }

    @Test
    void aSignalThatNamesNoVenuesKeepsItsOwnKeyAndIsNeverObserved() {
        OutcomeRoute route = OutcomeRoute.of(signal(SignalData.FUNDING_RATE, "TELEGRAM", "tg:-100123:79:0", null,
                funding(null, null), null));

        assertThat(route.venueKey()).isEqualTo("tg:-100123:79:0");
        assertThat(route.observable()).isFalse();
        assertThat(OutcomeRoute.of(signal(SignalData.MEXC_DEX, "MANUAL", "manual:y", null, null,
                dex(null, null, null))).observable()).isFalse();
    }
}
