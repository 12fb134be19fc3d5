package io.cryptotracker.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalizesCaseAndSurroundingSpaceSoOneAddressIsOneAccount() {
        assertThat(EmailAddress.normalize("  Alice@Example.COM ")).isEqualTo("alice@example.com");
    }

    @Test
    void masksTheLocalPartForLogs() {
        assertThat(EmailAddress.masked("alice@example.com")).isEqualTo("a***@example.com");
        assertThat(EmailAddress.masked("nonsense")).isEqualTo("***");
    }
}
