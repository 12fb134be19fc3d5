package io.cryptotracker.signals.store;

import java.time.Instant;

import io.cryptotracker.common.events.SignalData;

/**
 * A signal row: what the API shows plus what only this service needs.
 *
 * @param venueKey the venues (or the Telegram post) the signal is about; one OPEN signal per symbol and key
 * @param expiresAt when an OPEN signal closes by itself (Telegram signals), null for never
 */
public record StoredSignal(SignalData data, String venueKey, Instant expiresAt) {

    public SignalKind kind() {
        return SignalKind.of(data);
    }
}
