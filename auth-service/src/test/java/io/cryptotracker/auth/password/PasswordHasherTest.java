package io.cryptotracker.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cryptotracker.common.web.ServiceBusyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHasherTest {

    private static final byte[] PEPPER = "a test pepper of at least 32 characters".getBytes(StandardCharsets.UTF_8);
    private static final String LONG_PASSWORD = "a long passphrase that goes on well past bcrypt's 72 bytes, "
            + "so every word of it has to count";

    private final List<ThreadPoolTaskExecutor> pools = new ArrayList<>();

    @AfterEach
    void shutDownPools() {
        pools.forEach(ThreadPoolTaskExecutor::shutdown);
    }

    @Test
    void hashesWithBcryptAndChecksTheHash() {
        PasswordHasher hasher = hasher();
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("{bcrypt-hmac-sha256}$2a$04$");
        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void everyCharacterOfAPasswordLongerThanBcryptReadsCounts() {
        PasswordHasher hasher = hasher();
        String longPassword = "ä".repeat(100) + "end";
        String hash = hasher.hash(longPassword);
        assertThat(hasher.matches(longPassword, hash)).isTrue();
        assertThat(hasher.matches("ä".repeat(100) + "enD", hash)).isFalse();
    }

    @Test
    void equivalentUnicodeSpellingsOfAPasswordMatch() {
        PasswordHasher hasher = hasher();
        String composed = "caf\u00e9 au lait";
        String decomposed = "cafe\u0301 au lait";
        assertThat(hasher.matches(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void unknownAccountsCostACheckButMatchNothing() {
        PasswordHasher hasher = hasher();
        hasher.matchesNothing("anything at all");
    }

    @Test
    void aPasswordOfAtMost72BytesIsBcryptsInputUnchanged() {
        PasswordHasher hasher = hasher();
        String password = "x".repeat(71) + "!";
        String hash = hasher.hash(password);
        String bcrypt = hash.substring(("{" + PepperedBcrypt.ID + "}").length());
        assertThat(new BCryptPasswordEncoder(4).matches(password, bcrypt)).isTrue();
    }

    @Test
    void theStringsALongPasswordIsPrehashedToDoNotSignIn() throws Exception {
        PasswordHasher hasher = hasher();
        String hash = hasher.hash(LONG_PASSWORD);
        byte[] hmac = hmac(LONG_PASSWORD);
        assertThat(hasher.matches(LONG_PASSWORD, hash)).isTrue();
        assertThat(hasher.matches(LegacyBcrypt.bcryptInput(LONG_PASSWORD), hash)).isFalse();
        assertThat(hasher.matches(Base64.getEncoder().encodeToString(hmac), hash)).isFalse();
        assertThat(hasher.matches(HexFormat.of().formatHex(hmac), hash)).isFalse();
        assertThat(hasher.matches(new String(hmac, StandardCharsets.ISO_8859_1), hash)).isFalse();
    }

    @Test
    void anotherPepperDoesNotMatchALongPasswordsHash() {
        PasswordHasher hasher = hasher();
        PasswordHasher otherPepper = hasher(
                PasswordHasher.encoder("another pepper of at least 32 characters".getBytes(), 4), 1, 4,
                Duration.ofSeconds(5));
        assertThat(otherPepper.matches(LONG_PASSWORD, hasher.hash(LONG_PASSWORD))).isFalse();
        assertThat(otherPepper.matches("short password", hasher.hash("short password"))).isTrue();
    }

    @Test
    void anOldSchemeHashOfALongPasswordStillMatchesAndIsUpgraded() {
        String oldHash = new BCryptPasswordEncoder(4).encode(LegacyBcrypt.bcryptInput(LONG_PASSWORD));
        PasswordHasher hasher = hasher();
        PasswordHasher.Check check = hasher.check(LONG_PASSWORD, oldHash);

        assertThat(check.matches()).isTrue();
        String upgraded = check.upgradedHash().orElseThrow();
        assertThat(upgraded).startsWith("{bcrypt-hmac-sha256}$2a$04$");
        assertThat(hasher.check(LONG_PASSWORD, upgraded)).isEqualTo(new PasswordHasher.Check(true, Optional.empty()));
        assertThat(hasher.matches(LegacyBcrypt.bcryptInput(LONG_PASSWORD), upgraded)).isFalse();
    }

    @Test
    void theOldPrehashStringIsRefusedEvenAgainstAnOldHashNotYetUpgraded() {
        String oldHash = new BCryptPasswordEncoder(4).encode(LegacyBcrypt.bcryptInput(LONG_PASSWORD));
        PasswordHasher hasher = hasher();
        assertThat(hasher.check(LegacyBcrypt.bcryptInput(LONG_PASSWORD), oldHash).matches()).isFalse();
        assertThat(hasher.matches(LONG_PASSWORD + "x", oldHash)).isFalse();
    }

    @Test
    void anOldPlainBcryptHashMatchesAndIsUpgradedAndAWrongPasswordIsNot() {
        String oldHash = new BCryptPasswordEncoder(4).encode("correct horse battery staple");
        PasswordHasher hasher = hasher();
        assertThat(hasher.check("correct horse battery stapler", oldHash))
                .isEqualTo(new PasswordHasher.Check(false, Optional.empty()));
        PasswordHasher.Check check = hasher.check("correct horse battery staple", oldHash);
        assertThat(check.matches()).isTrue();
        assertThat(hasher.matches("correct horse battery staple", check.upgradedHash().orElseThrow())).isTrue();
    }

    @Test
    void aHashOfALowerCostIsUpgradedToTheConfiguredCost() {
        PasswordHasher cheap = hasher();
        PasswordHasher dearer = hasher(PasswordHasher.encoder(PEPPER, 5), 1, 4, Duration.ofSeconds(5));
        PasswordHasher.Check check = dearer.check(LONG_PASSWORD, cheap.hash(LONG_PASSWORD));
        assertThat(check.matches()).isTrue();
        assertThat(check.upgradedHash().orElseThrow()).startsWith("{bcrypt-hmac-sha256}$2a$05$");
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
        PasswordHasher hasher = hasher(blocking, 1, 1, Duration.ofSeconds(10));
        try {
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
        PasswordHasher hasher = hasher(slow, 1, 1, Duration.ofMillis(200));
        try {
            assertThatThrownBy(() -> hasher.matches("x", "$2a$04$abcdefghijklmnopqrstuu5Rr0Wu8Sg7MyRCCgUxkpAXbqw/YbmYW"))
                    .isInstanceOf(ServiceBusyException.class);
        }
        finally {
            release.countDown();
        }
    }

    private PasswordHasher hasher() {
        return hasher(PasswordHasher.encoder(PEPPER, 4), 1, 4, Duration.ofSeconds(5));
    }

    /** A hasher on a bounded pool as {@link PasswordConfiguration} builds it, shut down after the test. */
    private PasswordHasher hasher(PasswordEncoder encoder, int threads, int queueCapacity, Duration timeout) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutorBuilder().corePoolSize(threads).maxPoolSize(threads)
                .queueCapacity(queueCapacity).threadNamePrefix("password-hasher-test-").build();
        pool.initialize();
        pools.add(pool);
        return new PasswordHasher(encoder, pool, timeout);
    }

    private static byte[] hmac(String password) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PEPPER, "HmacSHA256"));
        return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
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
