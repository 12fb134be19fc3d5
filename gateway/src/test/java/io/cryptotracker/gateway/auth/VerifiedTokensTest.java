package io.cryptotracker.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.InvalidTokenException;
import io.cryptotracker.common.security.JwtVerifier;
import io.cryptotracker.gateway.support.MutableClock;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicInteger keyLookups = new AtomicInteger();
    private final JwtVerifier verifier = new JwtVerifier(keyId -> {
        keyLookups.incrementAndGet();
        return TestTokens.KEY_ID.equals(keyId) ? Optional.of(TestTokens.publicKey()) : Optional.empty();
    }, TestTokens.ISSUER, Duration.ZERO);
    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void aTokenVerifiedOnceIsAcceptedAgainWithoutAnotherSignatureCheck() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Duration.ofMinutes(5), 100);
        String token = TestTokens.valid();
        assertThat(tokens.remembered(token)).isNull();

        AuthenticatedUser user = tokens.verify(token);

        assertThat(tokens.remembered(token)).isEqualTo(user);
        assertThat(user.id()).isEqualTo(TestTokens.USER_ID);
        assertThat(keyLookups).hasValue(1);
    }

    @Test
    void aRememberedTokenIsForgottenWhenItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Duration.ofHours(1), 100);
        String token = TestTokens.valid();
        tokens.verify(token);

        clock.advance(Duration.ofMinutes(14).plusSeconds(58));
        assertThat(tokens.remembered(token)).isNotNull();
        clock.advance(Duration.ofSeconds(3));
        assertThat(tokens.remembered(token)).as("past its exp (15 minutes)").isNull();
    }

    @Test
    void noTokenIsRememberedLongerThanTheTtl() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Duration.ofSeconds(60), 100);
        String token = TestTokens.valid();
        tokens.verify(token);

        clock.advance(Duration.ofSeconds(61));
        assertThat(tokens.remembered(token)).isNull();
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Duration.ofMinutes(5), 100);
        for (String forged : new String[] {TestTokens.tamperedSignature(), TestTokens.tamperedPayload(),
                TestTokens.expired(), TestTokens.unsigned()}) {
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> tokens.verify(forged));
            assertThat(tokens.remembered(forged)).isNull();
        }
    }

    @Test
    void aZeroTtlTurnsTheMemoryOff() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, Duration.ZERO, 0);
        String token = TestTokens.valid();
        tokens.verify(token);
        assertThat(tokens.remembered(token)).isNull();
    }
}
