package io.cryptotracker.notifications.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.symbols.Symbols;
import org.junit.jupiter.api.Test;

class SignalMatcherTest {

    static SignalData signal(String kind, String symbol, String spread) {
        Instant now = Instant.parse("2026-11-24T02:00:00Z");
        return new SignalData(UUID.randomUUID(), kind, symbol, new BigDecimal(spread), new BigDecimal(spread),
                new BigDecimal(spread), "OPEN", "DETECTOR", now, now, null, null, null, null, null);
    }

    static Preferences prefs(List<String> kinds, String min, List<String> allow, List<String> deny) {
        return new Preferences(new Preferences.Channels(true, false, true), kinds, new BigDecimal(min), allow, deny,
                null, "UTC");
    }

    @Test
    void kindsFilterAndEmptyKindsMeanEveryKind() {
        SignalData funding = signal("funding-rate", "BTC/USDT", "2");

        assertThat(SignalMatcher.matches(prefs(List.of("funding-rate"), "1", List.of(), List.of()), funding)).isTrue();
        assertThat(SignalMatcher.matches(prefs(List.of("mexc-dex"), "1", List.of(), List.of()), funding)).isFalse();
        assertThat(SignalMatcher.matches(prefs(List.of(), "1", List.of(), List.of()), funding)).isTrue();
    }

    @Test
    void theGrossSpreadMustReachTheMinimum() {
        Preferences min = prefs(List.of(), "1.5", List.of(), List.of());

        assertThat(SignalMatcher.matches(min, signal("mexc-dex", "PEPE/USDT", "1.5"))).isTrue();
        assertThat(SignalMatcher.matches(min, signal("mexc-dex", "PEPE/USDT", "1.49"))).isFalse();
    }

    @Test
    void allowAndDenyListsCompareSymbolsIgnoringCase() {
        SignalData eth = signal("mexc-spot-futures", "ETH/USDT", "3");

        assertThat(SignalMatcher.matches(prefs(List.of(), "1", List.of("eth/usdt"), List.of()), eth)).isTrue();
        assertThat(SignalMatcher.matches(prefs(List.of(), "1", List.of("BTC/USDT"), List.of()), eth)).isFalse();
        assertThat(SignalMatcher.matches(prefs(List.of(), "1", List.of(), List.of("ETH/USDT")), eth)).isFalse();
        assertThat(SignalMatcher.matches(prefs(List.of(), "1", List.of("ETH/USDT"), List.of("ETH/USDT")), eth))
                .isFalse();
    }

    @Test
    void listsStoredInAnOlderSpellingMatchTheOneSpelling() {
        SignalData pepe = signal("mexc-spot-futures", "PEPE/USDT", "3");

        assertThat(SignalMatcher.matches(prefs(List.of(), "1", List.of("1000PEPE/USDT"), List.of()), pepe)).isTrue();
        assertThat(SignalMatcher.matches(prefs(List.of(), "1", List.of(), List.of("1000PEPEUSDT")), pepe)).isFalse();
        assertThat(SignalMatcher.matches(prefs(List.of(), "1", List.of("PEPE/USDC"), List.of()), pepe)).isFalse();
    }

    @Test
    void theDefaultsMatchEveryKindFromOnePercent() {
        assertThat(SignalMatcher.matches(Preferences.DEFAULT, signal("funding-rate", "SOL/USDT", "1.0"))).isTrue();
        assertThat(SignalMatcher.matches(Preferences.DEFAULT, signal("funding-rate", "SOL/USDT", "0.99"))).isFalse();
    }

    /** The socket path reads the preferences once ({@link SignalMatcher#compile}): the same answers as per signal. */
    @Test
    void preferencesReadOnceAnswerAsReadPerSignal() {
        List<Preferences> preferences = List.of(prefs(List.of(), "0", List.of(), List.of()),
                prefs(List.of("mexc-dex"), "1.5", List.of(), List.of()),
                prefs(List.of(), "1", List.of("1000PEPE/USDT", "ETH"), List.of()),
                prefs(List.of(), "1", List.of(), List.of("eth/usdt", "BTC")),
                prefs(List.of("funding-rate", "mexc-dex"), "2", List.of("PEPE"), List.of("PEPE/USDC")));
        List<SignalData> signals = List.of(signal("mexc-dex", "PEPE/USDT", "1.5"),
                signal("mexc-dex", "PEPE/USDC", "3"), signal("funding-rate", "ETH/USDT", "2"),
                signal("mexc-spot-futures", "BTC/USDT", "0.5"), signal("mexc-dex", "not a symbol", "9"),
                signal("funding-rate", "1000PEPEUSDT", "1.49"));
        for (Preferences prefs : preferences) {
            SignalMatcher.Compiled compiled = SignalMatcher.compile(prefs);
            for (SignalData signal : signals) {
                assertThat(compiled.matches(signal.kind(),
                        Symbols.parse(signal.symbol()).orElse(null),
                        signal.spreadPercent()))
                        .as("%s against %s", signal.symbol(), prefs)
                        .isEqualTo(SignalMatcher.matches(prefs, signal));
            }
        }
        assertThat(SignalMatcher.compile(prefs(List.of(), "0", List.of(), List.of())).matches("mexc-dex", null, null))
                .as("no symbol, no spread: passes empty lists and a zero minimum").isTrue();
    }
}
