package io.cryptotracker.signals.series;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A symbol's spread series: per kind, one point per step with the best route's gross and top-of-book net spread in
 * percent (funding rates per 8 h): lowest, highest and last in the step.
 */
record SpreadSeriesAnswer(String symbol, Instant from, Instant to, int stepSeconds, List<KindSeries> series) {

    /** The points of one kind, oldest first; empty when we measured nothing of it in the range. */
    record KindSeries(@Schema(allowableValues = { "mexc-spot-futures", "funding-rate", "mexc-dex" }) String kind,
            List<Point> points) {
    }

    /** One step; the net values are null when no measurement in it had one. */
    record Point(@Schema(description = "the step's start") Instant t, float grossMin, float grossMax,
            float grossLast, @Schema(nullable = true) Float netMin, @Schema(nullable = true) Float netMax,
            @Schema(nullable = true) Float netLast) {
    }
}
