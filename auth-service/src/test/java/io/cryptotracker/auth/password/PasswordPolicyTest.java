package io.cryptotracker.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new CommonPasswords(Set.of("password123", "iloveyou2")));

    @Test
    void acceptsAnUnremarkablePassphraseWithoutCompositionRules() {
        assertThat(policy.violations("correct horse battery staple", "alice@example.com", "alice")).isEmpty();
        assertThat(policy.violations("alllowercaseletters", "alice@example.com", "alice")).isEmpty();
    }

    @Test
    void refusesFewerThanEightCharacters() {
        assertThat(policy.violations("short12", "alice@example.com", "alice"))
                .containsExactly("must be at least 8 characters long");
        assertThat(policy.violations("short123", "alice@example.com", "alice")).isEmpty();
    }

    @Test
    void refusesMoreThan128Characters() {
        assertThat(policy.violations("x".repeat(128), "alice@example.com", "alice")).isEmpty();
        assertThat(policy.violations("x".repeat(129), "alice@example.com", "alice"))
                .containsExactly("must be at most 128 characters long");
    }

    @Test
    void countsLengthInCodePointsSoAnEmojiIsOneCharacter() {
        String sevenEmoji = "😀😁😂🤣😃😄😅";
        assertThat(sevenEmoji.length()).isEqualTo(14);
        assertThat(policy.violations(sevenEmoji, "alice@example.com", "alice"))
                .containsExactly("must be at least 8 characters long");
        assertThat(policy.violations(sevenEmoji + "😆", "alice@example.com", "alice")).isEmpty();
        assertThat(policy.violations("😀".repeat(128), "alice@example.com", "alice")).isEmpty();
        assertThat(policy.violations("😀".repeat(129), "alice@example.com", "alice"))
                .containsExactly("must be at most 128 characters long");
    }

    @Test
    void refusesAPasswordContainingTheEmailLocalPartInAnyCase() {
        assertThat(policy.violations("my-JOHNNY.B-secret", "johnny.b@example.com", "someone"))
                .containsExactly("must not contain your email address");
    }

    @Test
    void refusesAPasswordContainingTheUsernameInAnyCase() {
        assertThat(policy.violations("xxTraderJoe99xx", "alice@example.com", "traderjoe"))
                .containsExactly("must not contain your username");
    }

    @Test
    void ignoresContextPartsShorterThanThreeCharacters() {
        assertThat(policy.violations("jo-is-a-long-enough-pass", "jo@example.com", "jo")).isEmpty();
    }

    @Test
    void refusesACommonPasswordCaseInsensitively() {
        assertThat(policy.violations("PassWord123", "alice@example.com", "alice"))
                .containsExactly("is too common; choose one that is harder to guess");
    }

    @Test
    void reportsEveryRuleThatIsBroken() {
        assertThat(policy.violations("ali", "alice@example.com", "ali")).hasSize(2);
    }

    @Test
    void theBundledListHasSeveralHundredPasswordsIncludingTheUsualSuspects() {
        CommonPasswords bundled = CommonPasswords.bundled();
        assertThat(bundled.size()).isGreaterThan(500);
        assertThat(bundled.contains("password")).isTrue();
        assertThat(bundled.contains("QWERTYUIOP")).isTrue();
        assertThat(bundled.contains("12345678")).isTrue();
        assertThat(bundled.contains("correct horse battery staple")).isFalse();
    }
}
