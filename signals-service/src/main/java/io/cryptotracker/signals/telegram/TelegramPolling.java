package io.cryptotracker.signals.telegram;

import io.cryptotracker.signals.config.SignalsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link TelegramPoller} when {@code signals.telegram.mode=polling}, its rounds on a one-thread scheduler of
 * its own (a long poll must not hold the application's scheduler); it resumes after the last update stored, and
 * stopping interrupts the poll in flight.
 */
@Component
@ConditionalOnProperty(name = "signals.telegram.mode", havingValue = "polling")
class TelegramPolling implements SmartLifecycle {

    private final SignalsProperties properties;
    private final TelegramIngest ingest;
    private final JdbcClient jdbc;
    private volatile ThreadPoolTaskScheduler scheduler;
    private volatile TelegramPoller.Polling polling;

    TelegramPolling(SignalsProperties properties, TelegramIngest ingest, JdbcClient jdbc) {
        this.properties = properties;
        this.ingest = ingest;
        this.jdbc = jdbc;
        if (properties.telegram().botToken().isBlank()) {
            throw new IllegalStateException("signals.telegram.mode=polling needs TELEGRAM_BOT_TOKEN");
        }
    }

    @Override
    public void start() {
        Long last = jdbc.sql("SELECT max(last_update_id) FROM telegram_messages").query(Long.class).optional()
                .orElse(null);
        TelegramPoller poller = new TelegramPoller(properties.telegram().apiUrl(), properties.telegram().botToken(),
                25, last == null || last < 0 ? 0 : last + 1, ingest::receive);
        ThreadPoolTaskScheduler rounds = new ThreadPoolTaskScheduler();
        rounds.setThreadNamePrefix("telegram-poller-");
        rounds.setDaemon(true); // a poll in flight never holds up the JVM's exit
        rounds.initialize();
        scheduler = rounds;
        polling = poller.pollOn(rounds);
    }

    @Override
    public void stop() {
        TelegramPoller.Polling current = polling;
        if (current != null) {
            current.stop();
            scheduler.shutdown();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
