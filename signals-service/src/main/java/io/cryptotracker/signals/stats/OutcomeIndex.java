package io.cryptotracker.signals.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link OutcomeColumns} kept current from {@code signal_outcomes}: read whole in the background at start (questions
 * meanwhile get {@link Optional#empty()}), then every {@code refresh-interval} the rows whose {@code updated_at} is
 * past the newest seen minus {@code refresh-overlap} (a transaction's {@code updated_at} is its start, so it may
 * commit after a later one), upserted by signal id; read whole again every {@code rebuild-interval}, which drops the
 * rows deleted since. Questions read under a shared lock; a refresh holds the exclusive one only while it applies the
 * rows it has already read.
 */
@Component
class OutcomeIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutcomeIndex.class);

    private static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final StatsProperties properties;
    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile OutcomeColumns columns;
    /** The newest {@code updated_at} read, in microseconds; the refreshing thread's only. */
    private long newestUpdate = Long.MIN_VALUE;
    private Instant builtAt;
    private volatile ThreadPoolTaskScheduler scheduler;

    OutcomeIndex(DataSource dataSource, PlatformTransactionManager transactions, StatsProperties properties,
            Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        // PostgreSQL streams a result set in fetch-size portions only inside a transaction
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
    }

    /** The figures, or empty until the first read of the table is done. */
    Optional<OutcomeColumns.Result> stats(StatsFilter filter, StatsGrouping grouping, long nowMicros) {
        OutcomeColumns current = columns;
        if (current == null) {
            return Optional.empty();
        }
        lock.readLock().lock();
        try {
            return Optional.of(columns.stats(filter, grouping, nowMicros));
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** Reads the whole table when due (at start, then every rebuild-interval), else the rows changed since. */
    synchronized void refresh() {
        Instant now = clock.instant();
        if (columns == null || builtAt == null || !now.isBefore(builtAt.plus(properties.rebuildInterval()))) {
            rebuild(now);
            return;
        }
        List<OutcomeColumns.Row> changed = new ArrayList<>();
        long since = newestUpdate == Long.MIN_VALUE ? 0
                : newestUpdate - properties.refreshOverlap().toNanos() / 1_000;
        readOnly.executeWithoutResult(status -> jdbc.query(OutcomeColumns.SELECT + " WHERE updated_at > ?",
                rs -> {
                    changed.add(OutcomeColumns.read(rs));
                }, Instant.ofEpochSecond(Math.floorDiv(since, 1_000_000), Math.floorMod(since, 1_000_000) * 1_000L)
                        .atOffset(ZoneOffset.UTC)));
        if (changed.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            for (OutcomeColumns.Row row : changed) {
                columns.upsert(row);
                newestUpdate = Math.max(newestUpdate, row.updatedMicros());
            }
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    private void rebuild(Instant now) {
        long started = System.nanoTime();
        OutcomeColumns fresh = new OutcomeColumns();
        long[] newest = { Long.MIN_VALUE };
        readOnly.executeWithoutResult(status -> jdbc.query(OutcomeColumns.SELECT, rs -> {
            OutcomeColumns.Row row = OutcomeColumns.read(rs);
            fresh.upsert(row);
            newest[0] = Math.max(newest[0], row.updatedMicros());
        }));
        lock.writeLock().lock();
        try {
            columns = fresh;
            newestUpdate = newest[0];
            builtAt = now;
        }
        finally {
            lock.writeLock().unlock();
        }
        log.info("Signal statistics index read {} outcome rows in {} ms ({} MB of columns)", fresh.size(),
                (System.nanoTime() - started) / 1_000_000, fresh.bytes() >> 20);
    }

    private void refreshLogged() {
        try {
            refresh();
        }
        catch (RuntimeException ex) {
            log.warn("Signal statistics refresh failed, retried in {}: {}", properties.refreshInterval(),
                    ex.toString());
        }
    }

    @Override
    public void start() {
        ThreadPoolTaskScheduler refreshes = new ThreadPoolTaskScheduler();
        refreshes.setPoolSize(1);
        refreshes.setThreadNamePrefix("signal-stats-");
        refreshes.setWaitForTasksToCompleteOnShutdown(false);
        refreshes.initialize();
        refreshes.scheduleWithFixedDelay(this::refreshLogged, properties.refreshInterval());
        scheduler = refreshes;
    }

    @Override
    public void stop() {
        ThreadPoolTaskScheduler refreshes = scheduler;
        if (refreshes != null) {
            refreshes.shutdown();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
