package io.cryptotracker.common.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolsTest {

    /**
     * The table of spellings: what {@link Symbols#parse} makes of the text (empty = not a symbol), the multiplier it
     * found, and what {@link Symbols#parseInstrument} makes of it as a venue's instrument name.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # text               | symbol      | multiplier | as an instrument name
            BTC                  | BTC/USDT    | 1          | -
            btc                  | BTC/USDT    | 1          | -
            ' $btc '             | BTC/USDT    | 1          | -
            BTCUSDT              | BTC/USDT    | 1          | BTC/USDT
            btcusdt              | BTC/USDT    | 1          | BTC/USDT
            BTC_USDT             | BTC/USDT    | 1          | BTC/USDT
            BTC-USDT             | BTC/USDT    | 1          | BTC/USDT
            btc/usdt             | BTC/USDT    | 1          | BTC/USDT
            BTC:USDT             | BTC/USDT    | 1          | BTC/USDT
            BTC/USDT:USDT        | BTC/USDT    | 1          | BTC/USDT
            BTCUSDT.P            | BTC/USDT    | 1          | BTC/USDT
            BTCUSDTPERP          | BTC/USDT    | 1          | BTC/USDT
            BTC-USDT-PERP        | BTC/USDT    | 1          | BTC/USDT
            BTCPERP              | -           | -          | -
            BTC-PERP             | -           | -          | -
            PERP                 | PERP/USDT   | 1          | -
            BTCUSDC              | BTC/USDC    | 1          | BTC/USDC
            BTC-USDC             | BTC/USDC    | 1          | BTC/USDC
            SOLFDUSD             | SOL/FDUSD   | 1          | SOL/FDUSD
            BTCTUSD              | BTC/TUSD    | 1          | BTC/TUSD
            BTCUSD               | BTC/USD     | 1          | BTC/USD
            eth/eur              | ETH/EUR     | 1          | ETH/EUR
            ETHBTC               | ETH/BTC     | 1          | ETH/BTC
            ETH/BTC              | ETH/BTC     | 1          | ETH/BTC
            WBTC                 | WBTC/USDT   | 1          | -
            WETH                 | WETH/USDT   | 1          | -
            STETH                | STETH/USDT  | 1          | -
            WBTCUSDT             | WBTC/USDT   | 1          | WBTC/USDT
            TUSD                 | TUSD/USDT   | 1          | -
            USDCUSDT             | USDC/USDT   | 1          | USDC/USDT
            1000PEPEUSDT         | PEPE/USDT   | 1000       | PEPE/USDT
            1000PEPE_USDT        | PEPE/USDT   | 1000       | PEPE/USDT
            1000PEPE             | PEPE/USDT   | 1000       | -
            PEPE                 | PEPE/USDT   | 1          | -
            1000PEPE/USDT        | PEPE/USDT   | 1000       | PEPE/USDT
            SHIB1000USDT         | SHIB/USDT   | 1000       | SHIB/USDT
            10000LADYSUSDT       | LADYS/USDT  | 10000      | LADYS/USDT
            1000000MOGUSDT       | MOG/USDT    | 1000000    | MOG/USDT
            1MBABYDOGEUSDT       | BABYDOGE/USDT | 1000000  | BABYDOGE/USDT
            1INCHUSDT            | 1INCH/USDT  | 1          | 1INCH/USDT
            1INCH                | 1INCH/USDT  | 1          | -
            ''                   | -           | -          | -
            ' '                  | -           | -          | -
            USDT                 | -           | -          | -
            USDT/USDT            | -           | -          | -
            BTC/                 | -           | -          | -
            /USDT                | -           | -          | -
            BTC//USDT            | -           | -          | -
            BTC/USDT/ETH         | -           | -          | -
            BTC/XYZ              | -           | -          | -
            BTC USDT             | -           | -          | -
            BTC!                 | -           | -          | -
            12345                | -           | -          | -
            ÄBC                  | -           | -          | -
            Биткоин              | -           | -          | -
            https://x            | -           | -          | -
            BTCUSDT_251226       | -           | -          | -
            ABCDEFGHIJKLMNOPQRSTUVWXYZ/USDT | - | -         | -
            """)
    void everySpellingHasOneReading(String text, String symbol, Integer multiplier, String instrument) {
        assertThat(Symbols.normalize(text)).isEqualTo(Optional.ofNullable(symbol));
        assertThat(Symbols.parse(text).map(TradingPair::multiplier)).isEqualTo(Optional.ofNullable(multiplier));
        assertThat(Symbols.parseInstrument(text).map(TradingPair::symbol))
                .isEqualTo(Optional.ofNullable(instrument));
    }

    @Test
    void nullIsNoSymbol() {
        assertThat(Symbols.parse(null)).isEmpty();
        assertThat(Symbols.parseInstrument(null)).isEmpty();
    }

    @Test
    void multipliedContractsArePricedPerBaseUnit() {
        TradingPair pepe = Symbols.parseInstrument("1000PEPEUSDT").orElseThrow();

        assertThat(pepe.perUnit(new BigDecimal("0.01924610"))).isEqualByComparingTo("0.0000192461");
        assertThat(pepe.baseUnits(new BigDecimal("2.5"))).isEqualByComparingTo("2500");
    }

    @Test
    void aListHoldsPairsInAnySpellingAndCoinsWithEveryQuote() {
        SymbolSet list = SymbolSet.of(List.of("btc-usdt", "ETH", "1000PEPE/USDT", "not a symbol"));

        assertThat(list.contains("BTC/USDT")).isTrue();
        assertThat(list.contains("BTC/USDC")).isFalse();
        assertThat(list.contains("ETH/BTC")).isTrue();
        assertThat(list.contains("PEPE/USDT")).isTrue();
        assertThat(list.contains("1000PEPEUSDT")).isTrue();
        assertThat(list.contains("SOL/USDT")).isFalse();
        assertThat(list.contains((String) null)).isFalse();
        assertThat(SymbolSet.of(List.of("not a symbol")).isEmpty()).isTrue();
        assertThat(SymbolSet.of(null).isEmpty()).isTrue();
    }

    record Request(@Symbol String symbol, List<@Symbol String> symbols) {
    }

    @Test
    void theSymbolConstraintAcceptsWhatTheRulesReadAndNamesWhatTheyCannot() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();

            assertThat(validator.validate(new Request("1000pepe_usdt", List.of("BTC", "ETHBTC")))).isEmpty();
            assertThat(validator.validate(new Request(null, List.of()))).isEmpty();

            Set<ConstraintViolation<Request>> violations = validator.validate(new Request("BTC/XYZ",
                    List.of("BTC", "BTC USDT")));
            assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                    .containsExactlyInAnyOrder("symbol", "symbols[1].<list element>");
            assertThat(violations).extracting(ConstraintViolation::getMessage)
                    .containsOnly("must be a symbol such as BTC/USDT");
        }
    }
}
