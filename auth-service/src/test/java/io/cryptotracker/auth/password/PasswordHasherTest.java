package io.cryptotracker.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.cryptotracker.common.web.ServiceBusyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHasherTest {

    @Test
    void hashesWithBcryptAndChecksTheHash() {
        try (PasswordHasher hasher = new PasswordHasher(new BCryptPasswordEncoder(4), 1, 4, Duration.ofSeconds(5))) {
            String hash = hasher.hash("correct horse battery staple");
            assertThat(hash).startsWith("$2a$04$");
            assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
            assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
        }
    }

    @Test
    void everyCharacterOfAPasswordLongerThanBcryptReadsCounts() {
        try (PasswordHasher hasher = new PasswordHasher(new BCryptPasswordEncoder(4), 1, 4, Duration.ofSeconds(5))) {
            String longPassword = "ä".repeat(100) + "end";
            String hash = hasher.hash(longPassword);
            assertThat(hasher.matches(longPassword, hash)).isTrue();
            assertThat(hasher.matches("ä".repeat(100) + "enD", hash)).isFalse();
        }
    }

    @Test
    void equivalentUnicodeSpellingsOfAPasswordMatch() {
        try (PasswordHasher hasher = new PasswordHasher(new BCryptPasswordEncoder(4), 1, 4, Duration.ofSeconds(5))) {
            String composed = "caf\u00e9 au lait";
            String decomposed = "cafe\u0301 au lait";
            assertThat(hasher.matches(decomposed, hasher.hash(composed))).isTrue();
        }
    }

    @Test
    void unknownAccountsCostACheckButMatchNothing() {
        try (PasswordHasher hasher = new PasswordHasher(new BCryptPasswordEncoder(4), 1, 4, Duration.ofSeconds(5))) {
            hasher.matchesNothing("anything at all");
        }
    }

    @Test
    void refusesWith503AndRetryAfterWhenTheBoundedQueueIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        PasswordEncoder blocking = new Delegating() {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                if ("block".contentEquals(raw)) {
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.matches(raw, encoded);
            }
        };
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (PasswordHasher hasher = new PasswordHasher(blocking, 1, 1, Duration.ofSeconds(10))) {
            String hash = hasher.hash("whatever");
            List<CompletableFuture<Boolean>> running = new ArrayList<>();
            running.add(CompletableFuture.supplyAsync(() -> hasher.matches("block", hash), callers));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            running.add(CompletableFuture.supplyAsync(() -> hasher.matches("queued", hash), callers));
            await().atMost(Duration.ofSeconds(5)).until(() -> hasher.waiting() == 1);
            assertThatThrownBy(() -> hasher.matches("third", hash))
                    .isInstanceOfSatisfying(ServiceBusyException.class, busy -> {
                        assertThat(busy.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(busy.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                    });
            release.countDown();
            assertThat(running.get(0).get(5, TimeUnit.SECONDS)).isFalse();
            assertThat(running.get(1).get(5, TimeUnit.SECONDS)).isFalse();
        }
        finally {
            callers.shutdownNow();
        }
    }

    @Test
    void refusesWith503WhenTheHashTakesLongerThanTheTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder slow = new Delegating() {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
        try (PasswordHasher hasher = new PasswordHasher(slow, 1, 1, Duration.ofMillis(200))) {
            assertThatThrownBy(() -> hasher.matches("x", "$2a$04$abcdefghijklmnopqrstuu5Rr0Wu8Sg7MyRCCgUxkpAXbqw/YbmYW"))
                    .isInstanceOf(ServiceBusyException.class);
        }
        finally {
            release.countDown();
        }
    }

    /** bcrypt at the lowest cost, with {@code matches} left to the test to replace. */
    private static class Delegating implements PasswordEncoder {

        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return bcrypt.matches(raw, encoded);
        }
    }
}
