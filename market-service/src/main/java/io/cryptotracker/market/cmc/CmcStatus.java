package io.cryptotracker.market.cmc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * What operators need to know about the CoinMarketCap sync, as the {@code coinMarketCap} health component. It
 * stays UP – the API keeps serving stored listings – and says in its details whether the key is missing or was
 * rejected and when the last sync worked or failed.
 */
@Component("coinMarketCap")
public class CmcStatus implements HealthIndicator {

    /** The state of the API key. */
    public enum KeyState {
        CONFIGURED, MISSING, REJECTED, REPLAY
    }

    private volatile KeyState keyState = KeyState.CONFIGURED;
    private volatile Instant lastSuccess;
    private volatile int lastCount;
    private volatile Instant lastFailure;
    private volatile String lastError;

    public KeyState keyState() {
        return keyState;
    }

    void keyState(KeyState state) {
        this.keyState = state;
    }

    void succeeded(Instant at, int count) {
        lastSuccess = at;
        lastCount = count;
        lastError = null;
    }

    void failed(Instant at, String error) {
        lastFailure = at;
        lastError = error;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("key", keyState.name().toLowerCase());
        if (keyState == KeyState.MISSING) {
            details.put("warning", "CMC_API_KEY is not set: listings are not synced, stored ones are served");
        }
        else if (keyState == KeyState.REJECTED) {
            details.put("warning", "CoinMarketCap rejected the key: syncing stopped until it is replaced");
        }
        details.put("last_success", lastSuccess == null ? "never" : lastSuccess.toString());
        details.put("coins", lastCount);
        if (lastError != null) {
            details.put("last_failure", String.valueOf(lastFailure));
            details.put("last_error", lastError);
        }
        return Health.up().withDetails(details).build();
    }
}
