package io.cryptotracker.signals.telegram;

import io.cryptotracker.signals.config.SignalsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link TelegramPoller} on its own thread when {@code signals.telegram.mode=polling}; it resumes after
 * the last update stored.
 */
@Component
@ConditionalOnProperty(name = "signals.telegram.mode", havingValue = "polling")
class TelegramPolling implements SmartLifecycle {

    private final SignalsProperties properties;
    private final TelegramIngest ingest;
    private final JdbcClient jdbc;
    private volatile Thread worker;

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
        worker = new Thread(poller::run, "telegram-poller");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        Thread current = worker;
        if (current != null) {
            current.interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
