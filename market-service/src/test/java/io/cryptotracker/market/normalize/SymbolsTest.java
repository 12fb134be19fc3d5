package io.cryptotracker.market.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolsTest {

    @ParameterizedTest
    @CsvSource({ "BTCUSDT, BTC/USDT, 1", "BTC_USDT, BTC/USDT, 1", "btc-usdt, BTC/USDT, 1", "BTC/USDT, BTC/USDT, 1",
            "ETHBTC, ETH/BTC, 1", "BTCFDUSD, BTC/FDUSD, 1", "BTCUSDC, BTC/USDC, 1", "1000PEPEUSDT, PEPE/USDT, 1000",
            "SHIB1000USDT, SHIB/USDT, 1000", "1000000MOGUSDT, MOG/USDT, 1000000", "10000LADYSUSDT, LADYS/USDT, 10000",
            "1INCHUSDT, 1INCH/USDT, 1" })
    void everyVenueSpellingBecomesTheUnifiedSymbol(String raw, String unified, int multiplier) {
        MarketSymbol symbol = Symbols.parse(raw).orElseThrow();

        assertThat(symbol.unified()).isEqualTo(unified);
        assertThat(symbol.multiplier()).isEqualTo(multiplier);
    }

    @Test
    void unreadableSymbolsAreEmpty() {
        assertThat(Symbols.parse("USDT")).isEmpty();
        assertThat(Symbols.parse("BTCUSDT_251226")).isEmpty();
        assertThat(Symbols.parse("")).isEmpty();
        assertThat(Symbols.parse(null)).isEmpty();
    }

    @Test
    void multipliedContractsArePricedPerBaseUnit() {
        MarketSymbol pepe = Symbols.parse("1000PEPEUSDT").orElseThrow();

        assertThat(pepe.perUnit(new BigDecimal("0.01924610"))).isEqualByComparingTo("0.0000192461");
        assertThat(pepe.baseUnits(new BigDecimal("2.5"))).isEqualByComparingTo("2500");
    }
}
