package io.cryptotracker.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalizesCaseAndSurroundingSpaceSoOneAddressIsOneAccount() {
        assertThat(EmailAddress.normalize("  Alice@Example.COM ")).isEqualTo("alice@example.com");
    }

    @Test
    void foldsFullWidthAndOtherCompatibilitySpellingsIntoThePlainAddress() {
        assertThat(EmailAddress.normalize("ＡＬＩＣＥ@example.com")).isEqualTo("alice@example.com");
        assertThat(EmailAddress.normalize("ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ")).isEqualTo("alice@example.com");
        assertThat(EmailAddress.normalize("\uFB01nn@example.com")).isEqualTo("finn@example.com");
        assertThat(EmailAddress.canonical(" Ａlice@Example.com ")).isEqualTo("Alice@Example.com");
    }

    @Test
    void normalizingTwiceChangesNothing() {
        for (String email : new String[] { "ＡＬＩＣＥ@example.com", "İstanbul@example.com", "Straße@example.de",
                "ǅemal@example.com", "田中@例え.jp" }) {
            String once = EmailAddress.normalize(email);
            assertThat(EmailAddress.normalize(once)).as(email).isEqualTo(once);
        }
    }

    @Test
    void acceptsPlainAddressesAndAddressesInOneScript() {
        assertThat(EmailAddress.refusal("alice.smith+news@example.com")).isEmpty();
        assertThat(EmailAddress.refusal("ａｌｉｃｅ@example.com")).isEmpty();
        assertThat(EmailAddress.refusal("иван@почта.рф")).isEmpty();
        assertThat(EmailAddress.refusal("иван@mail.ru")).as("a Cyrillic name at a Latin domain").isEmpty();
        assertThat(EmailAddress.refusal("сергей.орлов@yandex.ru")).isEmpty();
        assertThat(EmailAddress.refusal("αλίκη@παράδειγμα.ελ")).isEmpty();
        assertThat(EmailAddress.refusal("josé.müller@example.com")).isEmpty();
        assertThat(EmailAddress.refusal("jose\u0301@example.com")).isEmpty();
    }

    @Test
    void acceptsTheScriptMixesOfUnicodesHighlyRestrictiveProfile() {
        assertThat(EmailAddress.refusal("田中たなかタナカ@example.jp")).isEmpty();
        assertThat(EmailAddress.refusal("김철수@example.kr")).isEmpty();
        assertThat(EmailAddress.refusal("王ㄅ@example.tw")).isEmpty();
    }

    @Test
    void refusesInvisibleFormattingAndControlCharacters() {
        for (String invisible : new String[] { "\u200B", "\u200C", "\u200D", "\uFEFF", "\u202E", "\u2066", "\u00AD",
                "\u0007", "\u2028", "\uE000" }) {
            assertThat(EmailAddress.refusal("ali" + invisible + "ce@example.com")).as("U+%04X", (int) invisible.charAt(0))
                    .contains("must not contain invisible, formatting or control characters");
        }
        assertThat(EmailAddress.refusal("\uFEFFalice@example.com")).isPresent();
    }

    @Test
    void refusesLatinMixedWithCyrillicOrGreekInAPartAndLatinLookAlikePartsBesideLatin() {
        String mixed = "must not mix letters of different scripts, such as Latin with Cyrillic or Greek";
        assertThat(EmailAddress.refusal("\u0430lice@example.com")).contains(mixed);
        assertThat(EmailAddress.refusal("alic\u0435@example.com")).contains(mixed);
        assertThat(EmailAddress.refusal("\u03BFscar@example.com")).contains(mixed);
        assertThat(EmailAddress.refusal("alice@\u0435xample.com")).contains(mixed);
        assertThat(EmailAddress.refusal("\u0430\u0441\u0435@example.com")).as("all-Cyrillic ace at a Latin domain")
                .contains(mixed);
        assertThat(EmailAddress.refusal("\u043E\u0440\u0441@mail.example.com")).as("all look-alikes: ops")
                .contains(mixed);
    }

    @Test
    void refusesAnAddressLongerThanTheColumnOnceNormalized() {
        assertThat(EmailAddress.refusal("\u3392".repeat(110) + "@example.com")).contains("must be at most 320 characters long");
    }

    @Test
    void masksTheLocalPartForLogs() {
        assertThat(EmailAddress.masked("alice@example.com")).isEqualTo("a***@example.com");
        assertThat(EmailAddress.masked("nonsense")).isEqualTo("***");
    }
}
