import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.cryptotracker.signals.stats.OutcomeColumns;
import io.cryptotracker.signals.stats.StatsFilter;
import io.cryptotracker.signals.stats.StatsGrouping;
import io.cryptotracker.testsupport.EmbeddedServers;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Latency of GET /api/v1/signals/stats at ROWS rows of signal_outcomes: real PostgreSQL (embedded), the service's own
 * Liquibase changeset of the table (with its indexes), ROWS outcomes over 2,000 symbols and 30 days. First the pure-SQL answer (percentile_cont per
 * symbol plus the total, unfiltered), then the service's in-memory index (OutcomeColumns): its load from the table
 * (the same SELECT and fetch size as OutcomeIndex), its memory, and typical questions, each timed many times: wall
 * clock, and the process's CPU time per question (all threads: the groups' percentiles run in parallel), which the
 * load of other processes on the machine moves much less.
 * Run with bench/signals/run.sh stats.
 */
public class StatsLatency {

    static final String[] VENUES = { "binance perp", "bybit perp", "mexc perp", "mexc spot", "okx perp", "gate perp",
            "bitget perp" };

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int sqlRepeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        EmbeddedServers servers = EmbeddedServers.shared();
        String database = "signals_stats_bench_" + System.currentTimeMillis();
        servers.createDatabase(database);
        DataSource dataSource = servers.dataSource(database);
        try (Connection connection = dataSource.getConnection()) {
            new Liquibase("db/changelog/changes/2026-12-04-signal-outcomes.yaml", new ClassLoaderResourceAccessor(),
                    new JdbcConnection(connection)).update("");
            long started = System.nanoTime();
            String venues = "(ARRAY['" + String.join("','", VENUES) + "'])";
            try (Statement statement = connection.createStatement()) {
                // kinds 1:1:1; 10 % TELEGRAM, 2 % MANUAL; 7 × 6 routes; 5 % still open; 70 % converged (half of them
                // within 30 min); a peak for 90 %
                statement.execute("INSERT INTO signal_outcomes (signal_id, kind, symbol, source, venue_key, buy_venue, "
                        + "sell_venue, buy_exchange, sell_exchange, detected_at, closed_at, converged_at, "
                        + "peak_net_percent, complete, updated_at) "
                        + "SELECT gen_random_uuid(), (ARRAY['mexc-spot-futures','funding-rate','mexc-dex'])[n % 3 + 1], "
                        + "'C' || (n % 2000) || '/USDT', CASE WHEN n % 10 = 0 THEN 'TELEGRAM' WHEN n % 50 = 1 THEN "
                        + "'MANUAL' ELSE 'DETECTOR' END, 'bench:' || n, " + venues + "[n % 7 + 1], " + venues
                        + "[(n % 7 + 1 + (n / 7) % 6) % 7 + 1], split_part(" + venues + "[n % 7 + 1], ' ', 1), "
                        + "split_part(" + venues + "[(n % 7 + 1 + (n / 7) % 6) % 7 + 1], ' ', 1), d, "
                        + "CASE WHEN n % 20 = 0 THEN NULL ELSE d + random() * interval '3 hours' END, "
                        + "CASE WHEN n % 10 < 7 THEN d + random() * interval '1 hour' END, "
                        + "CASE WHEN n % 10 < 9 THEN round((random() * 3)::numeric, 6) END, TRUE, d "
                        + "FROM (SELECT n, now() - (n * interval '2.592 seconds') * (1000000.0 / " + rows
                        + ") AS d FROM generate_series(1, " + rows + ") n) s");
                statement.execute("ANALYZE signal_outcomes");
            }
            System.out.printf("inserted %d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);

            String sql = "SELECT symbol, count(*) AS n, "
                    + "count(*) FILTER (WHERE converged_at - detected_at <= interval '30 minutes'), "
                    + "count(*) FILTER (WHERE converged_at - detected_at <= interval '30 minutes' "
                    + "AND detected_at <= ?::timestamptz - interval '30 minutes')::float8 "
                    + "/ nullif(count(*) FILTER (WHERE detected_at <= ?::timestamptz - interval '30 minutes'), 0), "
                    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM closed_at - detected_at))), "
                    + "percentile_cont(0.9) WITHIN GROUP (ORDER BY floor(extract(epoch FROM closed_at - detected_at))), "
                    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY peak_net_percent) "
                    + "FROM signal_outcomes WHERE detected_at >= ?::timestamptz - interval '30 days' AND detected_at <= ? "
                    + "GROUP BY GROUPING SETS ((symbol), ()) ORDER BY n DESC";
            // one "now" for both, so their totals can be compared
            Instant now = Instant.now();
            java.time.OffsetDateTime nowParameter = now.atOffset(java.time.ZoneOffset.UTC);
            long[] sqlTimes = new long[sqlRepeats];
            String sqlTotal = "";
            for (int i = 0; i < sqlRepeats; i++) {
                long t0 = System.nanoTime();
                int groups = 0;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int p = 1; p <= 4; p++) {
                        statement.setObject(p, nowParameter);
                    }
                    ResultSet rs = statement.executeQuery();
                    while (rs.next()) {
                        groups++;
                        if (rs.getString(1) == null) {
                            sqlTotal = String.format("count %d, converged_30m %d, share %.4f, alive p50 %.1f s, "
                                    + "p90 %.1f s, peak p50 %.6f", rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                                    rs.getDouble(5), rs.getDouble(6), rs.getDouble(7));
                        }
                    }
                }
                sqlTimes[i] = System.nanoTime() - t0;
                if (i == 0) {
                    System.out.printf("SQL answer: %d rows (groups + total)%n", groups);
                }
            }
            System.out.println("SQL total:   " + sqlTotal);
            System.out.printf("%-42s %10s %10s %10s %12s%n", "query", "p50 ms", "p95 ms", "max ms", "CPU p50 ms");
            print("SQL percentile_cont, by symbol, unfiltered", sqlTimes);

            // the index's load: as OutcomeIndex reads it (a transaction, so the driver streams in fetch-size portions)
            System.gc();
            long heapBefore = usedHeap();
            long loadStarted = System.nanoTime();
            OutcomeColumns columns = new OutcomeColumns();
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(OutcomeColumns.SELECT)) {
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        columns.upsert(OutcomeColumns.read(rs));
                    }
                }
            }
            connection.commit();
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            System.gc();
            long heapAfter = usedHeap();
            System.out.printf("index load: %d rows in %.1f s; columns %.1f MB (%.1f bytes/row); heap growth %.1f MB "
                    + "(%.1f bytes/row, dictionaries included)%n", columns.size(), loadSeconds,
                    columns.bytes() / 1e6, (double) columns.bytes() / columns.size(), (heapAfter - heapBefore) / 1e6,
                    (double) (heapAfter - heapBefore) / columns.size());

            long nowMicros = micros(now);
            long monthAgo = micros(now.minus(Duration.ofDays(30)));
            Map<String, Object[]> cases = new LinkedHashMap<>();
            cases.put("index, by symbol, unfiltered", new Object[] {
                    new StatsFilter(null, null, null, null, monthAgo, nowMicros), StatsGrouping.SYMBOL });
            cases.put("index, by route, unfiltered", new Object[] {
                    new StatsFilter(null, null, null, null, monthAgo, nowMicros), StatsGrouping.ROUTE });
            cases.put("index, by source, unfiltered", new Object[] {
                    new StatsFilter(null, null, null, null, monthAgo, nowMicros), StatsGrouping.SOURCE });
            cases.put("index, one symbol (C42/USDT), by route", new Object[] {
                    new StatsFilter(null, "C42/USDT", null, null, monthAgo, nowMicros), StatsGrouping.ROUTE });
            cases.put("index, exchange=binance, by symbol", new Object[] {
                    new StatsFilter(null, null, null, "binance", monthAgo, nowMicros), StatsGrouping.SYMBOL });
            cases.put("index, last 24 h, by symbol", new Object[] {
                    new StatsFilter(null, null, null, null, micros(now.minus(Duration.ofDays(1))), nowMicros),
                    StatsGrouping.SYMBOL });
            cases.put("index, kind=funding-rate, FREE cutoff", new Object[] {
                    new StatsFilter("funding-rate", null, null, null, monthAgo,
                            micros(now.minus(Duration.ofMinutes(15)))), StatsGrouping.SYMBOL });
            OutcomeColumns.Result check = null;
            for (Map.Entry<String, Object[]> c : cases.entrySet()) {
                StatsFilter filter = (StatsFilter) c.getValue()[0];
                StatsGrouping grouping = (StatsGrouping) c.getValue()[1];
                for (int i = 0; i < Math.max(5, repeats / 5); i++) {
                    columns.stats(filter, grouping, nowMicros); // warm-up
                }
                long[] times = new long[repeats];
                long[] cpu = new long[repeats];
                for (int i = 0; i < repeats; i++) {
                    long c0 = processCpu();
                    long t0 = System.nanoTime();
                    OutcomeColumns.Result result = columns.stats(filter, grouping, nowMicros);
                    times[i] = System.nanoTime() - t0;
                    cpu[i] = processCpu() - c0;
                    if (check == null) {
                        check = result;
                    }
                }
                print(c.getKey(), times, cpu);
            }
            OutcomeColumns.Figures t = check.total();
            System.out.printf("index total: count %d, converged_30m %d, share %.4f, alive p50 %.1f s, p90 %.1f s, "
                    + "peak p50 %.6f; %d groups%n", t.count(), t.converged30mCount(), t.converged30mShare(),
                    t.aliveMedianSeconds(), t.aliveP90Seconds(), t.peakNetMedianPercent(), check.groups().size());
        }
        finally {
            servers.stop();
        }
    }

    static void print(String name, long[] times) {
        print(name, times, null);
    }

    /** Wall-clock p50/p95/max and, when measured, the p50 of the process's CPU time (all threads, GC included). */
    static void print(String name, long[] times, long[] cpu) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        String cpuP50 = "";
        if (cpu != null) {
            long[] sortedCpu = cpu.clone();
            Arrays.sort(sortedCpu);
            cpuP50 = String.format("%12.1f", sortedCpu[n / 2] / 1e6);
        }
        System.out.printf("%-42s %10.1f %10.1f %10.1f%s%n", name, sorted[n / 2] / 1e6,
                sorted[(int) Math.ceil(n * 0.95) - 1] / 1e6, sorted[n - 1] / 1e6, cpuP50);
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static long micros(Instant time) {
        return time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }
}
