package io.cryptotracker.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.text.Normalizer;

import io.cryptotracker.common.web.ServiceBusyException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords with bcrypt on a small bounded pool (about one thread per core, a short queue), so a
 * burst of logins queues up here instead of occupying every request thread; when the queue is full the caller
 * gets {@link ServiceBusyException} (503 with Retry-After) at once.
 * <p>
 * Passwords are NFKC-normalized (NIST SP 800-63B), and one longer than bcrypt's 72-byte input is first reduced to
 * the Base64 of its SHA-256, so every one of its characters counts (bcrypt would ignore the rest, Spring's encoder
 * refuses it).
 */
public final class PasswordHasher implements AutoCloseable {

    static final int BCRYPT_MAX_BYTES = 72;
    private static final String PREHASH_PREFIX = "$sha256$";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordEncoder encoder;
    private final ThreadPoolExecutor pool;
    private final Duration timeout;
    private final String dummyHash;

    public PasswordHasher(PasswordEncoder encoder, int threads, int queueCapacity, Duration timeout) {
        this.encoder = encoder;
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread thread = new Thread(task, "password-hasher-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.dummyHash = encoder.encode(bcryptInput("dummy password for unknown accounts"));
    }

    public String hash(String password) {
        return run(() -> encoder.encode(bcryptInput(password)));
    }

    public boolean matches(String password, String hash) {
        return run(() -> encoder.matches(bcryptInput(password), hash));
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
        return pool.getQueue().size();
    }

    /** What bcrypt is given for a password: normalized, and pre-hashed when longer than bcrypt reads. */
    static String bcryptInput(String password) {
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        byte[] bytes = normalized.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return normalized;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return PREHASH_PREFIX + Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
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

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
