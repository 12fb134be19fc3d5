package io.cryptotracker.signals.execution;

import static io.cryptotracker.signals.execution.Books.levels;
import static io.cryptotracker.signals.execution.Books.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;

import io.cryptotracker.common.events.MarketSnapshot.Level;
import io.cryptotracker.signals.execution.Fill.Coverage;
import org.junit.jupiter.api.Test;

class FillTest {

    private static final List<Level> BTC_ASKS = levels("62500", "0.1", "62600", "0.05", "64000", "1");
    private static final List<Level> BTC_BIDS = levels("62500", "0.1", "60000", "1");
    private static final List<Level> PEPE_ASKS = levels("0.00001200", "50000000", "0.00001250", "100000000");

    @Test
    void buyWithinTheFirstLevelFillsAtThatPrice() {
        // 1,000 USDT at 62,500 = 0.016 BTC, well inside the first level's 6,250 USDT.
        Fill fill = Fill.buy(BTC_ASKS, usdt("1000"));

        assertThat(fill.coverage()).isEqualTo(Coverage.FULL);
        assertThat(fill.averagePrice()).isEqualByComparingTo("62500");
        assertThat(fill.baseQty()).isEqualByComparingTo("0.016");
        assertThat(fill.filledNotional()).isEqualByComparingTo("1000");
        assertThat(fill.levelsUsed()).isEqualTo(1);
        assertThat(fill.topPrice()).isEqualByComparingTo("62500");
    }

    @Test
    void buyAcrossThreeLevelsAveragesByQuantity() {
        // 10,000 USDT: 0.1 × 62,500 = 6,250 → 0.1 BTC; 0.05 × 62,600 = 3,130 → 0.05 BTC;
        // the remaining 620 at 64,000 → 0.0096875 BTC. Base 0.1596875; average 10,000 / 0.1596875 = 62,622.3092…
        Fill fill = Fill.buy(BTC_ASKS, usdt("10000"));

        assertThat(fill.coverage()).isEqualTo(Coverage.FULL);
        assertThat(fill.baseQty()).isEqualByComparingTo("0.1596875");
        assertThat(fill.averagePrice()).isEqualByComparingTo("62622.30919765166340508806262230920");
        assertThat(fill.levelsUsed()).isEqualTo(3);
    }

    @Test
    void sellWalksTheBidsDownwards() {
        // 10,000 USDT: 6,250 at 62,500 → 0.1 BTC; 3,750 at 60,000 → 0.0625 BTC. Average 10,000 / 0.1625 = 61,538.46…
        Fill fill = Fill.sell(BTC_BIDS, usdt("10000"));

        assertThat(fill.coverage()).isEqualTo(Coverage.FULL);
        assertThat(fill.baseQty()).isEqualByComparingTo("0.1625");
        assertThat(fill.averagePrice()).isEqualByComparingTo("61538.46153846153846153846153846154");
        assertThat(fill.levelsUsed()).isEqualTo(2);
    }

    @Test
    void pepeLikePricesKeepTheirDigits() {
        // 1,000 USDT: 600 at 0.000012 → 50,000,000 PEPE; 400 at 0.0000125 → 32,000,000 PEPE.
        // Average 1,000 / 82,000,000 = 0.0000121951219512…
        Fill fill = Fill.buy(PEPE_ASKS, usdt("1000"));

        assertThat(fill.baseQty()).isEqualByComparingTo("82000000");
        assertThat(fill.averagePrice()).isEqualByComparingTo("0.00001219512195121951219512195121951220");
        assertThat(fill.levelsUsed()).isEqualTo(2);
    }

    @Test
    void aNotionalEqualToTheFirstLevelUsesOnlyThatLevel() {
        Fill fill = Fill.buy(BTC_ASKS, usdt("6250"));

        assertThat(fill.coverage()).isEqualTo(Coverage.FULL);
        assertThat(fill.baseQty()).isEqualByComparingTo("0.1");
        assertThat(fill.levelsUsed()).isEqualTo(1);
    }

    @Test
    void aBookTooThinForTheSizeIsAPartialFillNeverAFullOne() {
        // The whole PEPE ask side: 600 + 1,250 = 1,850 USDT for 150,000,000 PEPE; average 0.00001233…
        Fill fill = Fill.buy(PEPE_ASKS, usdt("10000"));

        assertThat(fill.coverage()).isEqualTo(Coverage.PARTIAL);
        assertThat(fill.isFull()).isFalse();
        assertThat(fill.requestedNotional()).isEqualByComparingTo("10000");
        assertThat(fill.filledNotional()).isEqualByComparingTo("1850");
        assertThat(fill.baseQty()).isEqualByComparingTo("150000000");
        assertThat(fill.averagePrice()).isEqualByComparingTo("0.00001233333333333333333333333333333333");
        assertThat(fill.levelsUsed()).isEqualTo(2);
    }

    @Test
    void anEmptySideIsNoLiquidity() {
        Fill fill = Fill.sell(List.of(), usdt("1000"));

        assertThat(fill.coverage()).isEqualTo(Coverage.NO_LIQUIDITY);
        assertThat(fill.filledNotional()).isEqualByComparingTo("0");
        assertThat(fill.averagePrice()).isNull();
        assertThat(fill.topPrice()).isNull();
        assertThat(fill.levelsUsed()).isZero();
    }

    @Test
    void levelsWithoutQuantityAreSkipped() {
        Fill fill = Fill.buy(levels("62400", "0", "62500", "1"), usdt("1000"));

        assertThat(fill.averagePrice()).isEqualByComparingTo("62500");
        assertThat(fill.levelsUsed()).isEqualTo(1);
    }

    @Test
    void depthNotionalIsTheSumOfPriceTimesQuantity() {
        // 6,250 + 3,130 + 64,000
        assertThat(Fill.depthNotional(BTC_ASKS)).isEqualByComparingTo("73380");
        assertThat(Fill.depthNotional(List.of())).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aNonPositiveNotionalIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> Fill.buy(BTC_ASKS, BigDecimal.ZERO));
    }
}
