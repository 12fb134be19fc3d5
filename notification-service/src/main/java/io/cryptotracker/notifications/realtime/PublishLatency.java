package io.cryptotracker.notifications.realtime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /api/v1/notifications/latency} (contract 5): from what a signal frame tells (a signal's detection, an
 * update's or close's time) to the frame released to this replica's sockets, over the last hour.
 *
 * @param windowSeconds the window the figures cover
 * @param frames signal frames released in the window
 * @param medianMs null when no frame was released in the window
 * @param p99Ms null when no frame was released in the window
 */
record PublishLatency(long windowSeconds, long frames, @Schema(nullable = true) Double medianMs,
        @Schema(nullable = true) Double p99Ms) {
}
