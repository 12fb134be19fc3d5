package io.cryptotracker.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.cryptotracker.gateway.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger checks = new AtomicInteger();

    /** Accepts "good-…" tokens until their exp (5 minutes from NOW), refuses everything else, counting each check. */
    private final ReactiveJwtDecoder decoder = token -> {
        checks.incrementAndGet();
        Instant exp = NOW.plus(Duration.ofMinutes(5));
        if (!token.startsWith("good") || !clock.instant().isBefore(exp)) {
            return Mono.error(new BadJwtException("refused"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user-1")
                .issuedAt(NOW).expiresAt(exp).build());
    };

    private final RememberingJwtDecoder remembering = new RememberingJwtDecoder(decoder, clock, Duration.ofSeconds(60),
            1000);

    @Test
    void aTokenVerifiedOnceIsNotCheckedAgainWithinTheTtl() {
        StepVerifier.create(remembering.decode("good-1")).expectNextMatches(jwt -> jwt.getSubject().equals("user-1"))
                .verifyComplete();
        clock.advance(Duration.ofSeconds(59));
        StepVerifier.create(remembering.decode("good-1")).expectNextCount(1).verifyComplete();

        assertThat(checks).hasValue(1);
    }

    @Test
    void afterTheTtlTheTokenIsCheckedAgain() {
        remembering.decode("good-1").block();
        clock.advance(Duration.ofSeconds(60));

        StepVerifier.create(remembering.decode("good-1")).expectNextCount(1).verifyComplete();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedFromItsExpOn() {
        clock.advance(Duration.ofMinutes(4).plusSeconds(30));
        remembering.decode("good-1").block();
        clock.advance(Duration.ofSeconds(30));

        StepVerifier.create(remembering.decode("good-1")).expectError(BadJwtException.class).verify();
        assertThat(checks).hasValue(2);
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        StepVerifier.create(remembering.decode("forged")).expectError(BadJwtException.class).verify();
        StepVerifier.create(remembering.decode("forged")).expectError(BadJwtException.class).verify();

        assertThat(checks).hasValue(2);
    }

    @Test
    void onlyTheExactTokenStringIsRemembered() {
        remembering.decode("good-1").block();
        remembering.decode("good-1 ").block();

        assertThat(checks).hasValue(2);
    }
}
