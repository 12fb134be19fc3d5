package io.cryptotracker.auth.password;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password hashing.
 *
 * @param bcryptCost bcrypt's cost factor (log2 of its rounds)
 * @param hashingThreads threads hashing at once; 0 means one per available processor
 * @param hashingQueue hashing requests that may wait; more are refused with 503
 * @param hashingTimeout how long a request waits for its hash before it is refused with 503
 * @param pepper the server-side secret keying the HMAC-SHA-256 pre-hash of passwords longer than 72 bytes
 *        ({@link PepperedBcrypt}); empty means the development pepper, which production must not use. Changing it
 *        invalidates the hashes of every such password.
 */
@Validated
@ConfigurationProperties("cryptotracker.auth.password")
public record PasswordProperties(@DefaultValue("12") @Min(10) @Max(16) int bcryptCost,
        @DefaultValue("0") @Min(0) @Max(64) int hashingThreads,
        @DefaultValue("64") @Min(1) @Max(10_000) int hashingQueue,
        @DefaultValue("10s") @NotNull Duration hashingTimeout,
        @DefaultValue("") String pepper) {

    /** The pepper of the local run when none is configured: public, so only for development. */
    static final String DEVELOPMENT_PEPPER = "cryptotracker-development-pepper-set-AUTH_PASSWORD_PEPPER-in-production";
    static final int MIN_PEPPER_LENGTH = 32;

    public boolean developmentPepper() {
        return pepper == null || pepper.isEmpty();
    }

    public byte[] pepperBytes() {
        return (developmentPepper() ? DEVELOPMENT_PEPPER : pepper).getBytes(StandardCharsets.UTF_8);
    }

    public int threads() {
        return hashingThreads > 0 ? hashingThreads : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String toString() {
        return "PasswordProperties[bcryptCost=" + bcryptCost + ", hashingThreads=" + hashingThreads + ", hashingQueue="
                + hashingQueue + ", hashingTimeout=" + hashingTimeout + ", pepper=" + (developmentPepper()
                        ? "(development)" : "(hidden)") + "]";
    }
}
