package io.cryptotracker.signals.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The confirmation rule alone: no data, within the tolerance, short of it. */
class ConfirmationTest {

    static final BigDecimal TOLERANCE = new BigDecimal("0.25");

    @Test
    void noBucketInTheWindowIsNoMarketData() {
        Confirmation result = Confirmation.judge(new BigDecimal("1.5"), 0, null, TOLERANCE);

        assertThat(result.status()).isEqualTo(Confirmation.Status.NO_MARKET_DATA);
        assertThat(result.ourSpreadPercent()).isNull();
        assertThat(result.channelSpreadPercent()).isEqualByComparingTo("1.5");
    }

    @Test
    void ourHighestSpreadAtTheChannelsLessTheToleranceConfirms() {
        // 1.5 × (1 − 0.25) = 1.125: exactly that much is enough
        assertThat(Confirmation.judge(new BigDecimal("1.5"), 3, new BigDecimal("1.125"), TOLERANCE).status())
                .isEqualTo(Confirmation.Status.CONFIRMED);
        assertThat(Confirmation.judge(new BigDecimal("1.5"), 3, new BigDecimal("2.4"), TOLERANCE).status())
                .isEqualTo(Confirmation.Status.CONFIRMED);
    }

    @Test
    void ourHighestSpreadBelowThatIsNotReproducibleAndStated() {
        Confirmation result = Confirmation.judge(new BigDecimal("1.5"), 12, new BigDecimal("1.1249"), TOLERANCE);

        assertThat(result.status()).isEqualTo(Confirmation.Status.NOT_REPRODUCIBLE);
        assertThat(result.ourSpreadPercent()).isEqualByComparingTo("1.1249");
    }

    @Test
    void noToleranceAsksForTheWholeSpreadAndFullToleranceForAnyData() {
        assertThat(Confirmation.judge(new BigDecimal("1.5"), 1, new BigDecimal("1.49"), BigDecimal.ZERO).status())
                .isEqualTo(Confirmation.Status.NOT_REPRODUCIBLE);
        assertThat(Confirmation.judge(new BigDecimal("1.5"), 1, new BigDecimal("-0.2"), BigDecimal.ONE).status())
                .isEqualTo(Confirmation.Status.NOT_REPRODUCIBLE);
        assertThat(Confirmation.judge(new BigDecimal("1.5"), 1, BigDecimal.ZERO, BigDecimal.ONE).status())
                .isEqualTo(Confirmation.Status.CONFIRMED);
    }

    @Test
    void aNegativeStatedSpreadCountsByItsSize() {
        assertThat(Confirmation.judge(new BigDecimal("-0.8"), 2, new BigDecimal("0.5"), TOLERANCE).status())
                .isEqualTo(Confirmation.Status.NOT_REPRODUCIBLE);
        assertThat(Confirmation.judge(new BigDecimal("-0.8"), 2, new BigDecimal("0.6"), TOLERANCE).status())
                .isEqualTo(Confirmation.Status.CONFIRMED);
    }
}
