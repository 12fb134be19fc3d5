package io.cryptotracker.users.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolsTest {

    @ParameterizedTest
    @CsvSource({ "BTC, BTC/USDT", "btc, BTC/USDT", "BTCUSDT, BTC/USDT", "BTC_USDT, BTC/USDT", "btc/usdt, BTC/USDT",
            "' BTC-USDT ', BTC/USDT", "$PEPE, PEPE/USDT", "ETHBTC, ETH/BTC", "BTCUSDC, BTC/USDC", "BTCUSD, BTC/USD",
            "SOLFDUSD, SOL/FDUSD", "1000PEPEUSDT, 1000PEPE/USDT", "eth/eur, ETH/EUR" })
    void everyCommonSpellingBecomesBaseSlashQuoteInUpperCase(String raw, String expected) {
        assertThat(Symbols.normalize(raw)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "BTC/", "/USDT", "BTC/USDT/ETH", "BTC USDT", "BTC!", "USDT", "USDT/USDT",
            "ÄBC", "ABCDEFGHIJKLMNOPQRSTUVWXYZ/USDT" })
    void whatIsNotAPairIsRefused(String raw) {
        assertThat(Symbols.normalize(raw)).isEmpty();
    }

    @Test
    void nullIsNotAPair() {
        assertThat(Symbols.normalize(null)).isEmpty();
    }
}
