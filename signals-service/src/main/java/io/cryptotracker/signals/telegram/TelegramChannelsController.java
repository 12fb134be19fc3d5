package io.cryptotracker.signals.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.web.ValidationException;
import io.cryptotracker.common.web.input.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/telegram/channels} (admins): each channel scored against our own feed. */
@RestController
@Tag(name = "telegram")
@PreAuthorize("hasRole('ADMIN')")
class TelegramChannelsController {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final TelegramChannels channels;
    private final Clock clock;

    TelegramChannelsController(TelegramChannels channels, Clock clock) {
        this.channels = channels;
        this.clock = clock;
    }

    @GetMapping("/api/v1/telegram/channels")
    @Operation(operationId = "listTelegramChannels", summary = "Each channel's posts and signals scored against our feed",
            description = "Posts dated and signals detected in [`from`, `to`] (default: the last 30 days), most posts "
                    + "first. A signal is checked once its window (post ± `signals.telegram.confirm-window`) has "
                    + "passed.")
    ChannelScores list(@ParameterObject Range range) {
        TimeWindow.check(range.from(), range.to());
        Instant to = range.to() == null ? clock.instant() : range.to();
        Instant from = range.from() == null ? to.minus(DEFAULT_RANGE) : range.from();
        if (from.isAfter(to)) {
            throw new ValidationException("from", "must not be after to (default now)");
        }
        return new ChannelScores(channels.scores(from, to));
    }

    /** The time range of the scores. */
    record Range(@Parameter(description = "posts and signals at or after (ISO-8601); default `to` minus 30 days")
            Instant from, @Parameter(description = "at or before (ISO-8601); default now") Instant to) {
    }

    /** The answer: one score per channel. */
    record ChannelScores(List<ChannelScore> channels) {
    }
}
