package io.cryptotracker.auth.password;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.text.Normalizer;

import io.cryptotracker.common.web.ServiceBusyException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords with bcrypt on a small bounded pool (about one thread per core, a short queue: the
 * {@code passwordHashingPool} bean of {@link PasswordConfiguration}), so a burst of logins queues up here instead of
 * occupying every request thread; when the queue is full the pool refuses the task and the caller gets
 * {@link ServiceBusyException} (503 with Retry-After) at once.
 * <p>
 * Passwords are NFKC-normalized (NIST SP 800-63B) before the encoder sees them. The encoder of the service is
 * {@link #encoder}: new hashes in the {@link PepperedBcrypt} scheme, old ones ({@link LegacyBcrypt}) still checked
 * and replaced at the next successful sign-in ({@link #check}).
 */
public final class PasswordHasher {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordEncoder encoder;
    private final ThreadPoolTaskExecutor pool;
    private final Duration timeout;
    private final String dummyHash;

    /**
     * @param pool a bounded pool that refuses a task when its queue is full (the default abort policy)
     * @param timeout how long a caller waits for its hash before it is refused
     */
    public PasswordHasher(PasswordEncoder encoder, ThreadPoolTaskExecutor pool, Duration timeout) {
        this.encoder = encoder;
        this.timeout = timeout;
        this.pool = pool;
        this.dummyHash = encoder.encode(normalized("dummy password for unknown accounts"));
    }

    /**
     * The encoder of stored hashes, the way Spring Security's {@code DelegatingPasswordEncoder} keeps several schemes
     * apart: {@link PepperedBcrypt} writes {@code {bcrypt-hmac-sha256}$2a$…}, hashes without an id are checked by
     * {@link LegacyBcrypt}, and every hash not written by the current scheme at the current cost asks for an upgrade.
     */
    public static PasswordEncoder encoder(byte[] pepper, int bcryptCost) {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(PepperedBcrypt.ID,
                Map.of(PepperedBcrypt.ID, new PepperedBcrypt(pepper, bcryptCost)));
        encoder.setDefaultPasswordEncoderForMatches(new LegacyBcrypt());
        return encoder;
    }

    public String hash(String password) {
        return run(() -> encoder.encode(normalized(password)));
    }

    public boolean matches(String password, String hash) {
        return run(() -> encoder.matches(normalized(password), hash));
    }

    /**
     * Checks a password and, when it matches a hash of an older scheme or a lower cost, hashes it anew in the same
     * turn on the pool (the caller stores the new hash).
     */
    public Check check(String password, String hash) {
        return run(() -> {
            String normalized = normalized(password);
            if (!encoder.matches(normalized, hash)) {
                return new Check(false, Optional.empty());
            }
            return new Check(true, encoder.upgradeEncoding(hash) ? Optional.of(encoder.encode(normalized))
                    : Optional.empty());
        });
    }

    /**
     * Spends the same work as {@link #matches} against a hash no password matches, so an unknown account answers
     * as slowly as a known one.
     */
    public void matchesNothing(String password) {
        matches(password, dummyHash);
    }

    /** Requests waiting for a hashing thread. */
    public int waiting() {
        return pool.getQueueSize();
    }

    private static String normalized(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = pool.submit(work);
        }
        catch (RejectedExecutionException ex) {
            throw busy();
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            future.cancel(true);
            throw busy();
        }
        catch (InterruptedException ex) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw busy();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Password hashing failed", ex.getCause());
        }
    }

    private static ServiceBusyException busy() {
        return new ServiceBusyException("Too many sign-ins at once. Please try again in a moment.", RETRY_AFTER);
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param matches whether the password is right
     * @param upgradedHash the password's hash in the current scheme, when the stored one is outdated
     */
    public record Check(boolean matches, Optional<String> upgradedHash) {

        @Override
        public String toString() {
            return "Check[matches=" + matches + ", upgraded=" + upgradedHash.isPresent() + "]";
        }
    }
}
