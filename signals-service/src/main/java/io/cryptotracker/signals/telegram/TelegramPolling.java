package io.cryptotracker.signals.telegram;

import java.util.concurrent.Future;

import io.cryptotracker.signals.config.SignalsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link TelegramPoller} when {@code signals.telegram.mode=polling}, on a thread of its own from Boot's
 * {@link SimpleAsyncTaskExecutorBuilder} (a long poll must not hold the scheduler's thread); it resumes after the
 * last update stored, and stopping interrupts the poll in flight.
 */
@Component
@ConditionalOnProperty(name = "signals.telegram.mode", havingValue = "polling")
class TelegramPolling implements SmartLifecycle {

    private final SignalsProperties properties;
    private final TelegramIngest ingest;
    private final JdbcClient jdbc;
    private final AsyncTaskExecutor executor;
    private volatile Future<?> worker;

    TelegramPolling(SignalsProperties properties, TelegramIngest ingest, JdbcClient jdbc,
            ObjectProvider<SimpleAsyncTaskExecutorBuilder> executors) {
        this.properties = properties;
        this.ingest = ingest;
        this.jdbc = jdbc;
        if (properties.telegram().botToken().isBlank()) {
            throw new IllegalStateException("signals.telegram.mode=polling needs TELEGRAM_BOT_TOKEN");
        }
        SimpleAsyncTaskExecutor executor = executors.getIfAvailable(SimpleAsyncTaskExecutorBuilder::new)
                .threadNamePrefix("telegram-poller-").build();
        executor.setDaemon(true); // a poll in flight never holds up the JVM's exit
        this.executor = executor;
    }

    @Override
    public void start() {
        Long last = jdbc.sql("SELECT max(last_update_id) FROM telegram_messages").query(Long.class).optional()
                .orElse(null);
        TelegramPoller poller = new TelegramPoller(properties.telegram().apiUrl(), properties.telegram().botToken(),
                25, last == null || last < 0 ? 0 : last + 1, ingest::receive);
        worker = executor.submit(poller::run);
    }

    @Override
    public void stop() {
        Future<?> current = worker;
        if (current != null) {
            current.cancel(true);
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
