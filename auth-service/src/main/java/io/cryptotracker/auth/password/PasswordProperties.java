package io.cryptotracker.auth.password;

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
 */
@Validated
@ConfigurationProperties("cryptotracker.auth.password")
public record PasswordProperties(@DefaultValue("12") @Min(10) @Max(16) int bcryptCost,
        @DefaultValue("0") @Min(0) @Max(64) int hashingThreads,
        @DefaultValue("64") @Min(1) @Max(10_000) int hashingQueue,
        @DefaultValue("10s") @NotNull Duration hashingTimeout) {

    public int threads() {
        return hashingThreads > 0 ? hashingThreads : Runtime.getRuntime().availableProcessors();
    }
}
