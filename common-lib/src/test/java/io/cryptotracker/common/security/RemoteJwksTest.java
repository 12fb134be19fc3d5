package io.cryptotracker.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.cryptotracker.common.testsupport.TestJwtIssuer;
import org.junit.jupiter.api.Test;

class RemoteJwksTest {

    @Test
    void fetchesKeysOverHttpAndVerifiesTokensWithThem() {
        try (TestJwtIssuer issuer = new TestJwtIssuer()) {
            RemoteJwks jwks = new RemoteJwks(URI.create(issuer.jwksUri()), Function.identity(), Duration.ofMinutes(10),
                    Duration.ofSeconds(30), Clock.systemUTC());
            JwtVerifier verifier = new JwtVerifier(jwks, TestJwtIssuer.ISSUER, Duration.ofSeconds(30));
            AuthenticatedUser bob = new AuthenticatedUser(UUID.randomUUID(), "bob@example.com", Tier.FREE,
                    Set.of("USER"));

            assertThat(verifier.verify(issuer.token(bob))).isEqualTo(bob);
            assertThat(jwks.find(issuer.keyId())).contains(issuer.publicKey());
        }
    }

    @Test
    void unknownKeyIdsDoNotRefetchMoreOftenThanTheMinimumInterval() {
        try (TestJwtIssuer issuer = new TestJwtIssuer()) {
            int[] fetches = { 0 };
            MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
            RemoteJwks jwks = new RemoteJwks(URI.create(issuer.jwksUri()), uri -> {
                fetches[0]++;
                return uri;
            }, Duration.ofMinutes(10), Duration.ofSeconds(30), clock);

            assertThat(jwks.find("nope-1")).isEmpty();
            assertThat(jwks.find("nope-2")).isEmpty();
            assertThat(jwks.find(issuer.keyId())).isPresent();
            assertThat(fetches[0]).isEqualTo(1);

            clock.now = clock.now.plusSeconds(31);
            assertThat(jwks.find("nope-3")).isEmpty();
            assertThat(fetches[0]).isEqualTo(2);
        }
    }

    @Test
    void knownKeysKeepWorkingWhenTheJwksEndpointIsDown() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        RemoteJwks jwks;
        String keyId;
        try (TestJwtIssuer issuer = new TestJwtIssuer()) {
            jwks = new RemoteJwks(URI.create(issuer.jwksUri()), Function.identity(), Duration.ofMinutes(10),
                    Duration.ofSeconds(30), clock);
            keyId = issuer.keyId();
            assertThat(jwks.find(keyId)).isPresent();
        }
        clock.now = clock.now.plus(Duration.ofMinutes(11));

        assertThat(jwks.find(keyId)).isPresent();
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
