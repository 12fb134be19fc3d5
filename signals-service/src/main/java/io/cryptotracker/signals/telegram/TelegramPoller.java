package io.cryptotracker.signals.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import io.cryptotracker.common.retry.RetryBackOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOffExecution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Long polling for deployments without a public URL: asks the Bot API's {@code getUpdates} for channel posts and
 * their edits, hands each to the sink, and confirms an update (by moving the offset past it) only once the sink
 * took it, so a failure is retried, never lost. The webhook is removed first, as Telegram serves one or the other.
 * Telegram allows one poller per bot: run this mode on one replica.
 */
public final class TelegramPoller {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALLOWED = "%5B%22channel_post%22%2C%22edited_channel_post%22%5D";
    private static final RetryBackOff FAILURE_PAUSES = RetryBackOff.doubling(Duration.ofSeconds(1),
            Duration.ofMinutes(1));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String botUrl;
    private final int timeoutSeconds;
    private final Consumer<TelegramPost> sink;
    private long offset;
    private boolean webhookRemoved;

    /**
     * @param apiUrl {@code https://api.telegram.org}
     * @param startOffset the first update id not yet handled (one past the last one stored)
     */
    public TelegramPoller(String apiUrl, String botToken, int timeoutSeconds, long startOffset,
            Consumer<TelegramPost> sink) {
        this.botUrl = apiUrl.replaceAll("/+$", "") + "/bot" + botToken;
        this.timeoutSeconds = timeoutSeconds;
        this.offset = startOffset;
        this.sink = sink;
    }

    /**
     * One {@code getUpdates} round.
     *
     * @return how many updates were confirmed
     * @throws IllegalStateException when Telegram answers with an error (the caller backs off)
     */
    public int pollOnce() throws InterruptedException {
        if (!webhookRemoved) {
            call("/deleteWebhook?drop_pending_updates=false", 10);
            webhookRemoved = true;
        }
        JsonNode answer = call("/getUpdates?timeout=" + timeoutSeconds + "&offset=" + offset + "&allowed_updates="
                + ALLOWED, timeoutSeconds + 10);
        int confirmed = 0;
        for (JsonNode update : answer.path("result")) {
            long updateId = update.path("update_id").asLong();
            TelegramPost post = TelegramPost.from(update);
            if (post != null) {
                sink.accept(post);
            }
            offset = Math.max(offset, updateId + 1);
            confirmed++;
        }
        return confirmed;
    }

    public long offset() {
        return offset;
    }

    private JsonNode call(String path, int timeoutSeconds) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(botUrl + path))
                    .timeout(Duration.ofSeconds(timeoutSeconds)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (java.io.IOException ex) {
            // never the URL: it holds the bot token
            throw new IllegalStateException("Telegram is unreachable: " + ex.getClass().getSimpleName());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException("Telegram answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200 || !body.path("ok").asBoolean(false)) {
            throw new IllegalStateException("Telegram answered " + response.statusCode() + ": "
                    + body.path("description").asString(""));
        }
        return body;
    }

    /**
     * Polls in rounds on {@code scheduler}: the next round right after a good one, after a pause (1 s, doubling up to
     * a minute) after a failed one. A round's long poll holds one of the scheduler's threads, so give it its own.
     */
    public Polling pollOn(TaskScheduler scheduler) {
        Polling polling = new Polling(scheduler);
        polling.next(Duration.ZERO);
        return polling;
    }

    /** Rounds of {@link #pollOnce()} until {@link #stop()}. */
    public final class Polling {

        private final TaskScheduler scheduler;
        private BackOffExecution pauses = FAILURE_PAUSES.toBackOff().start();
        private volatile ScheduledFuture<?> scheduled;
        private volatile boolean stopped;

        private Polling(TaskScheduler scheduler) {
            this.scheduler = scheduler;
        }

        private void next(Duration delay) {
            if (!stopped) {
                scheduled = scheduler.schedule(this::round, Instant.now().plus(delay));
            }
        }

        private void round() {
            try {
                pollOnce();
                pauses = FAILURE_PAUSES.toBackOff().start();
                next(Duration.ZERO);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException ex) {
                long pause = pauses.nextBackOff();
                log.warn("Telegram polling failed, retrying in {} ms: {}", pause, ex.getMessage());
                next(Duration.ofMillis(pause));
            }
        }

        /** No further round; the one in flight is interrupted. */
        public void stop() {
            stopped = true;
            ScheduledFuture<?> current = scheduled;
            if (current != null) {
                current.cancel(true);
            }
        }
    }
}
