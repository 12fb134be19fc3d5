package io.cryptotracker.market.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import io.cryptotracker.common.events.MarketSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FundingRatesTest {

    @ParameterizedTest
    @CsvSource({ "0.0001, 8, 0.0001, 10.95", "0.00035, 4, 0.0007, 76.65", "0.0009, 1, 0.0072, 788.4",
            "-0.0012, 4, -0.0024, -262.8" })
    void ratesOfEveryIntervalBecomeComparablePer8hAndPerYear(String rate, int hours, String per8h, String apr) {
        MarketSnapshot.Funding funding = FundingRates.of(new BigDecimal(rate), hours, Instant.EPOCH);

        assertThat(funding.intervalHours()).isEqualTo(hours);
        assertThat(funding.ratePer8h()).isEqualByComparingTo(per8h);
        assertThat(funding.aprPercent()).isEqualByComparingTo(apr);
        assertThat(funding.aprPercent().toString()).doesNotContain("E");
    }

    @Test
    void anUnknownIntervalIsTheCommonEightHoursAndNoRateIsNoFunding() {
        assertThat(FundingRates.of(new BigDecimal("0.0001"), 0, null).intervalHours()).isEqualTo(8);
        assertThat(FundingRates.of(null, 8, null)).isNull();
    }
}
