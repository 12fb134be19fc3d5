package io.cryptotracker.auth.console;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsoleRequestGuardTest {

    @Test
    void theConsoleHeaderMustBeOne() {
        assertThatCode(() -> ConsoleRequestGuard.check("1", null)).doesNotThrowAnyException();
        assertThatCode(() -> ConsoleRequestGuard.check(" 1 ", null)).doesNotThrowAnyException();
        for (String header : new String[] { null, "", "0", "true", "11" }) {
            assertThatThrownBy(() -> ConsoleRequestGuard.check(header, "same-origin"))
                    .isInstanceOf(ConsoleRequestRefused.class).hasMessageContaining("X-CryptoTracker-Console: 1");
        }
    }

    @Test
    void onlyACrossSiteRequestIsRefusedByItsFetchSite() {
        for (String site : new String[] { null, "same-origin", "same-site", "none" }) {
            assertThatCode(() -> ConsoleRequestGuard.check("1", site)).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> ConsoleRequestGuard.check("1", "cross-site"))
                .isInstanceOf(ConsoleRequestRefused.class).hasMessageContaining("cross-site");
        assertThatThrownBy(() -> ConsoleRequestGuard.check("1", "Cross-Site"))
                .isInstanceOf(ConsoleRequestRefused.class);
    }
}
