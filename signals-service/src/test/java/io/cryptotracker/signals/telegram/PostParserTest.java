package io.cryptotracker.signals.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.cryptotracker.common.events.SignalData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format of SPEC Appendix B as posted, and the variations the channels make of it. */
class PostParserTest {

    static final String SPREAD_ALERT = """
            🔔 Spread Alert for XYZUSDT:
            Spot: 0.1234
            Futures: 0.1301
            💥 Spread: 5.43%
            """;

    static final String DEX_SPREAD = """
            Token: XYZ
            🟢Long-Spread: 8.12%
            MEXC: https://futures.mexc.com/exchange/XYZ_USDT
            DEX: https://dexscreener.com/solana/7qbRF6YsyGuLUVs6Y1q64bdVrfe4ZcUUz1JRdoVNUJnm
            MEXC: 0.01234
            DEX: 0.01334
            Deposit: ✅ Withdraw: ✅
            """;

    static final String FUNDING_PAIR = """
            💲XYZ/USDT
            📊 Биржи: MEXC ↔️ Gate
            📈 Фандинг:
              MEXC: -0.7500%
              Gate: 0.0100%
            Спред: 0.76000
            💰 Цена:
              MEXC: (0.12345$)
              Gate: (0.12350$)
            ⚖ Разница цен: 0.04%
            """;

    static final String EXTREME_RATE = """
            ⚠️ EXTREME RATE
            🔴 DOGEUSDT
            • Bias: Negative (Shorts Pay Longs)
            • Rate: -0.0800% → -0.1500%
            • Interval: 8h
            """;

    final PostParser parser = new PostParser();

    ParsedSignal only(String post) {
        ParseResult result = parser.parse(post);
        assertThat(result.signals()).as("signals of %s (reason %s)", post, result.reason()).hasSize(1);
        return result.signals().get(0);
    }

    @Nested
    class SpreadAlert {

        @Test
        void readsTheSpotAndFuturesPricesAndTheStatedSpread() {
            ParsedSignal signal = only(SPREAD_ALERT);

            assertThat(signal.kind()).isEqualTo(SignalData.MEXC_SPOT_FUTURES);
            assertThat(signal.symbol()).isEqualTo("XYZ/USDT");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("5.43");
            assertThat(signal.spotFutures().spotAsk()).isEqualByComparingTo("0.1234");
            assertThat(signal.spotFutures().futuresBid()).isEqualByComparingTo("0.1301");
            assertThat(signal.spotFutures().direction()).isEqualTo("BUY_SPOT_SHORT_PERP");
        }

        @Test
        void computesTheSpreadWhenThePostLeavesItOut() {
            ParsedSignal signal = only("Spread alert for $ABC\nFutures: 2\nSpot: 2,5\n");

            assertThat(signal.symbol()).isEqualTo("ABC/USDT");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("20");
            assertThat(signal.spotFutures().direction()).isEqualTo("SELL_SPOT_LONG_PERP");
        }

        @Test
        void readsRussianLabelsAndOtherLineOrders() {
            ParsedSignal signal = only("Спред: 3,1\nСпот: 1,00\n🔔 SPREAD ALERT FOR btc_usdt\nФьючерс: 1,031");

            assertThat(signal.symbol()).isEqualTo("BTC/USDT");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("3.1");
            assertThat(signal.spotFutures().futuresAsk()).isEqualByComparingTo("1.031");
        }
    }

    @Nested
    class DexSpread {

        @Test
        void readsPricesLinksAndTransferStatus() {
            ParsedSignal signal = only(DEX_SPREAD);

            assertThat(signal.kind()).isEqualTo(SignalData.MEXC_DEX);
            assertThat(signal.symbol()).isEqualTo("XYZ/USDT");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("8.12");
            assertThat(signal.dex().chain()).isEqualTo("solana");
            assertThat(signal.dex().pairAddress()).isEqualTo("7qbRF6YsyGuLUVs6Y1q64bdVrfe4ZcUUz1JRdoVNUJnm");
            assertThat(signal.dex().mexcBid()).isEqualByComparingTo("0.01234");
            assertThat(signal.dex().dexPrice()).isEqualByComparingTo("0.01334");
            assertThat(signal.dex().direction()).isEqualTo("BUY_MEXC_SELL_DEX");
            assertThat(signal.dex().depositEnabled()).isTrue();
            assertThat(signal.dex().withdrawEnabled()).isTrue();
        }

        @Test
        void aClosedWithdrawalIsFlaggedAndTheCoinMayComeFromTheMexcLink() {
            ParsedSignal signal = only("""
                    🔴Short-Spread: 4,5
                    MEXC: https://futures.mexc.com/exchange/ABC_USDT
                    DEX: https://dexscreener.com/bsc/0xabc123
                    Deposit: ✅
                    Withdraw: ❌
                    """);

            assertThat(signal.symbol()).isEqualTo("ABC/USDT");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("4.5");
            assertThat(signal.dex().chain()).isEqualTo("bsc");
            assertThat(signal.dex().direction()).isEqualTo("BUY_DEX_SELL_MEXC");
            assertThat(signal.dex().depositEnabled()).isTrue();
            assertThat(signal.dex().withdrawEnabled()).isFalse();
        }
    }

    @Nested
    class FundingPair {

        @Test
        void longGoesWhereTheRateIsLowerAndRatesBecomeFractionsPer8h() {
            ParsedSignal signal = only(FUNDING_PAIR);

            assertThat(signal.kind()).isEqualTo(SignalData.FUNDING_RATE);
            assertThat(signal.symbol()).isEqualTo("XYZ/USDT");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("0.76");
            SignalData.Funding funding = signal.funding();
            assertThat(funding.longExchange()).isEqualTo("mexc");
            assertThat(funding.shortExchange()).isEqualTo("gate");
            assertThat(funding.longRatePer8h()).isEqualByComparingTo("-0.0075");
            assertThat(funding.shortRatePer8h()).isEqualByComparingTo("0.0001");
            assertThat(funding.longAprPercent()).isEqualByComparingTo("-821.25");
            assertThat(funding.longMarkPrice()).isEqualByComparingTo("0.12345");
            assertThat(funding.shortMarkPrice()).isEqualByComparingTo("0.12350");
            assertThat(funding.priceSpreadPercent()).isEqualByComparingTo("0.04");
        }

        @Test
        void readsEnglishLabelsUnicodeMinusAndAMissingSpread() {
            ParsedSignal signal = only("""
                    $pepe
                    Exchanges: Binance <-> Bybit
                    Funding:
                    Bybit: 0,0500 %
                    Binance: −0,0300 %
                    Price:
                    Binance: (0.0000192$)
                    Bybit: (0.0000193$)
                    """);

            assertThat(signal.symbol()).isEqualTo("PEPE/USDT");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("0.08");
            assertThat(signal.funding().longExchange()).isEqualTo("binance");
            assertThat(signal.funding().longRatePer8h()).isEqualByComparingTo("-0.0003");
            assertThat(signal.funding().shortMarkPrice()).isEqualByComparingTo("0.0000193");
        }

        @Test
        void oneRateIsNotEnoughAndSaysWhy() {
            ParseResult result = parser.parse("💲XYZ/USDT\nФандинг:\n MEXC: -0.75%\n");

            assertThat(result.parsed()).isFalse();
            assertThat(result.reason()).contains("two exchanges");
        }
    }

    @Nested
    class ExtremeRate {

        @Test
        void theLastRateCountsAndANegativeRateIsALongSignal() {
            ParsedSignal signal = only(EXTREME_RATE);

            assertThat(signal.kind()).isEqualTo(SignalData.FUNDING_RATE);
            assertThat(signal.symbol()).isEqualTo("DOGE/USDT");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("0.15");
            assertThat(signal.funding().longRatePer8h()).isEqualByComparingTo("-0.0015");
            assertThat(signal.funding().longIntervalHours()).isEqualTo(8);
            assertThat(signal.funding().shortRatePer8h()).isNull();
            assertThat(signal.funding().longAprPercent()).isEqualByComparingTo("-164.25");
        }

        @Test
        void aRateOverFourHoursIsScaledTo8hAndAPositiveRateIsShort() {
            ParsedSignal signal = only("⚠️ extreme rate\n🟢 $WIF\n• Bias: Positive (Longs Pay Shorts)\n"
                    + "• Rate: 0,0500% → 0,2000%\n• Interval: 4h\n• Exchange: Bybit");

            assertThat(signal.symbol()).isEqualTo("WIF/USDT");
            assertThat(signal.funding().shortExchange()).isEqualTo("bybit");
            assertThat(signal.funding().shortRatePer8h()).isEqualByComparingTo("0.004");
            assertThat(signal.spreadPercent()).isEqualByComparingTo("0.4");
        }
    }

    @Test
    void onePostWithSeveralSignalsMakesThemAll() {
        ParseResult result = parser.parse(EXTREME_RATE + "\n" + EXTREME_RATE.replace("DOGEUSDT", "SHIB_USDT")
                + "\n———\n" + SPREAD_ALERT + FUNDING_PAIR);

        assertThat(result.signals()).extracting(ParsedSignal::symbol).containsExactly("DOGE/USDT", "SHIB/USDT",
                "XYZ/USDT", "XYZ/USDT");
        assertThat(result.signals()).extracting(ParsedSignal::kind).containsExactly(SignalData.FUNDING_RATE,
                SignalData.FUNDING_RATE, SignalData.MEXC_SPOT_FUTURES, SignalData.FUNDING_RATE);
    }

    @Test
    void twoSpreadAlertsWithoutABlankLineBetweenAreTwoSignals() {
        ParseResult result = parser.parse(SPREAD_ALERT + SPREAD_ALERT.replace("XYZUSDT", "ABCUSDT"));

        assertThat(result.signals()).extracting(ParsedSignal::symbol).containsExactly("XYZ/USDT", "ABC/USDT");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "Good morning, traders! ☀️", "BTC to the moon 🚀🚀🚀",
            "Spot: 1\nFutures: 2", "https://t.me/somechannel" })
    void postsWithoutASignalAreUnparsedWithAReason(String post) {
        ParseResult result = parser.parse(post);

        assertThat(result.parsed()).isFalse();
        assertThat(result.reason()).isNotBlank();
    }

    @Test
    void symbolSpellingsAllMeanTheSameCoin() {
        for (String spelling : List.of("BTC", "$BTC", "btc", "BTCUSDT", "BTC_USDT", "BTC/USDT", "btc-usdt")) {
            assertThat(only(SPREAD_ALERT.replace("XYZUSDT", spelling)).symbol()).as(spelling).isEqualTo("BTC/USDT");
        }
    }
}
