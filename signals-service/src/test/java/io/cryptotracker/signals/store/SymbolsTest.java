package io.cryptotracker.signals.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolsTest {

    @ParameterizedTest
    @CsvSource({ "BTC, BTC/USDT", "$btc, BTC/USDT", "BTCUSDT, BTC/USDT", "BTC_USDT, BTC/USDT", "btc/usdt, BTC/USDT",
            "BTC-USDC, BTC/USDC", "ETHFDUSD, ETH/FDUSD", "1000PEPEUSDT, 1000PEPE/USDT", "PEPE/USDT, PEPE/USDT" })
    void everySpellingBecomesBaseSlashQuote(String spelling, String unified) {
        assertThat(Symbols.normalize(spelling)).contains(unified);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "12345", "BTC USDT", "https://x", "Биткоин", "BTC//USDT" })
    void whatIsNoSymbolIsEmpty(String text) {
        assertThat(Symbols.normalize(text)).isEmpty();
    }
}
