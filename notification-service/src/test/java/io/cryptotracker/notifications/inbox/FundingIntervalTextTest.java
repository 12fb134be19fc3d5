package io.cryptotracker.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import io.cryptotracker.common.events.FundingIntervalChanged;
import org.junit.jupiter.api.Test;

class FundingIntervalTextTest {

    private static final Instant AT = Instant.parse("2026-12-03T20:00:05Z");

    @Test
    void theTitleNamesSymbolVenueAndBothIntervals() {
        FundingIntervalChanged change = FundingIntervalChanged.of("mexc", "WIF/USDT", "WIF_USDT", 4, 1,
                new BigDecimal("0.00005"), new BigDecimal("0.0004"), new BigDecimal("10.95"),
                new BigDecimal("43.8"), null, AT);

        assertThat(FundingIntervalText.title(change)).isEqualTo("WIF/USDT funding on MEXC now every 1 h (was 4 h)");
        assertThat(FundingIntervalText.body(change)).isEqualTo("At the current rate of 0.005% per settlement that is "
                + "43.8% a year instead of 10.95% (0.04% per 8 h).");
    }

    @Test
    void withoutARateTheBodySaysHowTheAprMovesAtTheSameRate() {
        FundingIntervalChanged longer = FundingIntervalChanged.of("binance", "BTC/USDT", "BTCUSDT", 1, 8, null, null,
                null, null, Instant.parse("2026-12-04T08:00:00Z"), AT);

        assertThat(FundingIntervalText.body(longer)).isEqualTo("At the same rate per settlement the APR is 8 times "
                + "smaller than it was. Next funding 2026-12-04 08:00 UTC.");
        assertThat(FundingIntervalText.title(longer)).startsWith("BTC/USDT funding on Binance now every 8 h");
    }
}
