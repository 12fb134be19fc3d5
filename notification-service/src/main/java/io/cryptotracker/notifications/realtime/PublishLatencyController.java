package io.cryptotracker.notifications.realtime;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/notifications/latency} (any signed-in user): this replica's published latency, last hour. */
@RestController
@Tag(name = "WebSocket")
class PublishLatencyController {

    private final RealtimeMetrics metrics;
    private final Clock clock;

    PublishLatencyController(RealtimeMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/notifications/latency")
    @Operation(operationId = "publishLatency", summary = "Signal event to socket frame latency over the last hour",
            description = "Median and 99th percentile from what a signal frame tells (the signal's detection, an "
                    + "update's or a close's time) to the frame released to this replica's sockets, and how many "
                    + "frames were released in the window; the figures are this replica's.")
    @ApiResponse(responseCode = "200", description = "The figures; the percentiles null when no frame was released")
    @ApiResponse(responseCode = "401", description = "No valid bearer token")
    PublishLatency latency() {
        return metrics.publishLatency(clock.millis());
    }
}
