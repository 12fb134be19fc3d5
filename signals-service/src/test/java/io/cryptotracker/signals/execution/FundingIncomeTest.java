package io.cryptotracker.signals.execution;

import static io.cryptotracker.signals.execution.Books.book;
import static io.cryptotracker.signals.execution.Books.levels;
import static io.cryptotracker.signals.execution.Books.usdt;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.cryptotracker.common.events.MarketSnapshot.OrderBook;
import org.junit.jupiter.api.Test;

class FundingIncomeTest {

    private static final BigDecimal PLUS_3_BP = new BigDecimal("0.0003");
    private static final BigDecimal MINUS_1_BP = new BigDecimal("-0.0001");

    @Test
    void shortTheHigherRateLongTheNegativeOneEarnsBothLegs() {
        // Short at +0.03 %/8 h earns 3 USDT per 8 h on 10,000; long at −0.01 %/8 h is paid 1 USDT.
        // 4 USDT per 8 h = 0.5 USDT per hour = 12 USDT per day.
        FundingIncome income = FundingIncome.at(usdt("10000"), MINUS_1_BP, 8, PLUS_3_BP, 8);

        assertThat(income.shortLegPerInterval()).isEqualByComparingTo("3");
        assertThat(income.longLegPerInterval()).isEqualByComparingTo("1");
        assertThat(income.perHour()).isEqualByComparingTo("0.5");
        assertThat(income.perDay()).isEqualByComparingTo("12");
    }

    @Test
    void breakEvenHoursAreTheRoundTripCostOverHourlyIncome() {
        // Two perps at 0.05 % taker, 10,000 USDT, within the first levels: fees 2 × (0.05 + 0.05) % = 0.2 % = 20 USDT.
        // 20 / 0.5 per hour = 40 hours.
        OrderBook low = book("perp", levels("99.99", "1000"), levels("100", "1000"));
        OrderBook high = book("perp", levels("100", "1000"), levels("100.01", "1000"));
        BigDecimal fee = new BigDecimal("0.0005");
        RoundTrip trip = new ExecutableSpread(new BigDecimal("1.5"))
                .quote(new Position(low, fee, high, fee), usdt("10000")).roundTrip();

        FundingIncome income = FundingIncome.at(usdt("10000"), MINUS_1_BP, 8, PLUS_3_BP, 8);

        assertThat(trip.roundTripCostUsdt()).isEqualByComparingTo("20");
        assertThat(income.breakEvenHours(trip.roundTripCostUsdt())).hasValueSatisfying(
                hours -> assertThat(hours).isEqualByComparingTo("40"));
    }

    @Test
    void differentIntervalsAreAddedPerHour() {
        // Short at +0.01 %/1 h earns 1 USDT per hour; long at +0.01 %/8 h pays 1 USDT per 8 h = 0.125 per hour.
        FundingIncome income = FundingIncome.at(usdt("10000"), new BigDecimal("0.0001"), 8,
                new BigDecimal("0.0001"), 1);

        assertThat(income.perHour()).isEqualByComparingTo("0.875");
        // 7 USDT / 0.875 per hour = 8 hours
        assertThat(income.breakEvenHours(usdt("7"))).hasValueSatisfying(
                hours -> assertThat(hours).isEqualByComparingTo("8"));
    }

    @Test
    void aPositionThatPaysFundingNeverBreaksEven() {
        FundingIncome income = FundingIncome.at(usdt("10000"), PLUS_3_BP, 8, MINUS_1_BP, 8);

        assertThat(income.perHour()).isEqualByComparingTo("-0.5");
        assertThat(income.breakEvenHours(usdt("20"))).isEmpty();
    }

    @Test
    void equalRatesEarnNothingAndNeverBreakEven() {
        FundingIncome income = FundingIncome.at(usdt("10000"), PLUS_3_BP, 8, PLUS_3_BP, 8);

        assertThat(income.perHour()).isEqualByComparingTo("0");
        assertThat(income.breakEvenHours(usdt("20"))).isEmpty();
    }
}
