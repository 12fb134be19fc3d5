package io.cryptotracker.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.cryptotracker.testsupport.TestJwtIssuer;
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

    /**
     * The first requests after a start arrive together: none may be refused while the first fetch is under way (the
     * console's first calls after sign-in were answered 401 "invalid token" while the gateway fetched the keys).
     */
    @Test
    void callersArrivingDuringTheFirstFetchWaitForItInsteadOfBeingRefused() throws Exception {
        try (TestJwtIssuer issuer = new TestJwtIssuer()) {
            CountDownLatch fetching = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            RemoteJwks jwks = new RemoteJwks(URI.create(issuer.jwksUri()), uri -> {
                fetching.countDown();
                await(release);
                return uri;
            }, Duration.ofMinutes(10), Duration.ofSeconds(30), Clock.systemUTC());

            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> jwks.find(issuer.keyId()).isPresent());
            assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> jwks.find(issuer.keyId()).isPresent());
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A caller whose request was cancelled (the thread interrupted) leaves no pause behind for the next one. */
    @Test
    void aFetchInterruptedByACancelledCallerDoesNotHoldBackTheNext() {
        try (TestJwtIssuer issuer = new TestJwtIssuer()) {
            int[] fetches = { 0 };
            RemoteJwks jwks = new RemoteJwks(URI.create(issuer.jwksUri()), uri -> {
                if (++fetches[0] == 1) {
                    Thread.currentThread().interrupt();
                }
                return uri;
            }, Duration.ofMinutes(10), Duration.ofSeconds(30), Clock.systemUTC());

            assertThat(jwks.find(issuer.keyId())).isEmpty();
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();

            assertThat(jwks.find(issuer.keyId())).isPresent();
            assertThat(fetches[0]).isEqualTo(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
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
