package io.cryptotracker.launcher;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts service JVMs in waves (each wave after the previous one is healthy), reports progress, and stops them
 * all: later waves first, each wave in parallel. Any failure while starting stops everything it started.
 */
public final class SuiteLauncher implements AutoCloseable {

    /** Progress callbacks; called from several threads, one call at a time. */
    public interface Listener {

        default void starting(ServiceSpec service) {
        }

        default void healthy(ServiceProcess service, Duration startUp) {
        }

        default void stopping(ServiceProcess service) {
        }

        /** A service failed to start; called before everything is stopped. */
        default void failed(ServiceFailure failure) {
        }
    }

    private final Path logDirectory;
    private final Path javaExecutable;
    private final Duration startupTimeout;
    private volatile Duration stopGrace;
    private final Listener listener;
    private final ProcessLedger ledger;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<List<ServiceProcess>> waves = new ArrayList<>();
    private boolean stopping;

    /**
     * @param logDirectory each service logs to {@code <name>.log} in here
     * @param startupTimeout how long a service may take to become healthy
     * @param stopGrace how long a service may take to exit after SIGTERM before it is killed
     * @param ledger records the PIDs so a later run can clean up after a killed launcher; may be {@code null}
     */
    public SuiteLauncher(Path logDirectory, Duration startupTimeout, Duration stopGrace, Listener listener,
            ProcessLedger ledger) {
        this.logDirectory = logDirectory;
        this.javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        this.startupTimeout = startupTimeout;
        this.stopGrace = stopGrace;
        this.listener = listener;
        this.ledger = ledger;
    }

    /**
     * Starts the services together and waits until every one is healthy.
     *
     * @throws ServiceFailure for the first service that exits or stays unhealthy; everything started is stopped
     */
    public List<ServiceProcess> startWave(List<ServiceSpec> specs) {
        List<ServiceProcess> wave = new ArrayList<>();
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("The suite is stopping");
            }
            waves.add(wave);
            for (ServiceSpec spec : specs) {
                report(() -> listener.starting(spec));
                ServiceProcess process = ServiceProcess.start(spec, logDirectory.resolve(spec.name() + ".log"),
                        javaExecutable);
                wave.add(process);
                if (ledger != null) {
                    ledger.record(process.process().toHandle(), spec.name());
                }
            }
        }
        try {
            awaitHealthy(wave);
            return List.copyOf(wave);
        }
        catch (RuntimeException ex) {
            if (ex instanceof ServiceFailure failure) {
                report(() -> listener.failed(failure));
            }
            stopAll();
            throw ex;
        }
    }

    private void awaitHealthy(List<ServiceProcess> wave) {
        ExecutorService waiters = Executors.newFixedThreadPool(wave.size(), runnable -> {
            Thread thread = new Thread(runnable, "health-wait");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<ServiceProcess> healthy = new ExecutorCompletionService<>(waiters);
            List<Future<ServiceProcess>> pending = new ArrayList<>();
            for (ServiceProcess process : wave) {
                pending.add(healthy.submit(() -> {
                    Duration startUp = process.awaitHealthy(http, startupTimeout);
                    report(() -> listener.healthy(process, startUp));
                    return process;
                }));
            }
            for (int i = 0; i < wave.size(); i++) {
                try {
                    healthy.take().get();
                }
                catch (ExecutionException ex) {
                    pending.forEach(future -> future.cancel(true));
                    if (ex.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw new IllegalStateException(ex.getCause());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the services", ex);
                }
            }
        }
        finally {
            waiters.shutdownNow();
        }
    }

    /** Lets services stop for at least this long before they are killed (e.g. while they write an archive). */
    public void atLeastStopGrace(Duration grace) {
        if (grace.compareTo(stopGrace) > 0) {
            stopGrace = grace;
        }
    }

    /** The {@code java} every service runs on: this JVM's own. */
    public Path javaExecutable() {
        return javaExecutable;
    }

    /** Every process started so far, in start order. */
    public synchronized List<ServiceProcess> processes() {
        return waves.stream().flatMap(List::stream).toList();
    }

    /**
     * Stops every service: the last wave first (all of it at once: SIGTERM, then wait, then SIGKILL after the grace
     * period), then the one before. Safe to call more than once and from a shutdown hook.
     */
    public void stopAll() {
        List<List<ServiceProcess>> toStop;
        synchronized (this) {
            stopping = true;
            toStop = new ArrayList<>(waves);
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            List<ServiceProcess> alive = toStop.get(i).stream().filter(ServiceProcess::isAlive).toList();
            for (ServiceProcess process : alive) {
                report(() -> listener.stopping(process));
                process.requestStop();
            }
            for (ServiceProcess process : alive) {
                process.awaitStopped(stopGrace);
            }
        }
        if (ledger != null) {
            toStop.stream().flatMap(List::stream).forEach(process -> ledger.forget(process.pid()));
        }
    }

    @Override
    public void close() {
        stopAll();
    }

    private void report(Runnable callback) {
        synchronized (listener) {
            try {
                callback.run();
            }
            catch (RuntimeException ex) {
                // a broken progress printer must not break starting or stopping
            }
        }
    }
}
