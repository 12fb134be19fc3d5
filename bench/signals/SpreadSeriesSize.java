import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import io.cryptotracker.signals.series.SpreadSeries;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.testsupport.EmbeddedServers;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Size and read time of the spread series at SYMBOLS symbols × 3 kinds: real PostgreSQL (embedded), the service's own
 * changeset for spread_series. Seven days of 15-minute buckets (the recorder writes each minute's quarter hour at
 * once; older days keep only those) and two days of 1-minute buckets (the newest), each minute written as the recorder
 * writes it (one multi-row statement per minute for every symbol and
 * kind, so the primary key grows as in production); pg_total_relation_size after each part (VACUUM ANALYZE first).
 * Then the series of one symbol over 7 days as GET /api/v1/signals/spreads/{symbol} reads it (SpreadSeries.points,
 * all kinds) at step 60 s, 15 min and 1 h (the console's 7-day view), REPEATS random symbols each; then one more day of minutes thinned at once
 * (SpreadSeries.thin, the worst case after the job was down a day; normally it thins 10 minutes at a time).
 * Run with bench/signals/run.sh spreads.
 */
public class SpreadSeriesSize {

    static final int KINDS = 3;

    public static void main(String[] args) throws Exception {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        // "covering": the primary key rebuilt with INCLUDE of the six values, to compare index-only reads
        boolean covering = args.length > 2 && args[2].equals("covering");
        boolean thin = !(args.length > 3 && args[3].equals("nothin"));
        EmbeddedServers servers = EmbeddedServers.shared();
        String database = "signals_series_bench_" + System.currentTimeMillis();
        servers.createDatabase(database);
        DataSource dataSource = servers.dataSource(database);
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        try (Connection connection = dataSource.getConnection()) {
            new Liquibase("db/changelog/changes/2026-12-04-spread-series.yaml", new ClassLoaderResourceAccessor(),
                    new JdbcConnection(connection)).update("");
            connection.setAutoCommit(true); // Liquibase leaves it off; VACUUM runs outside a transaction
            if (covering) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE spread_series DROP CONSTRAINT spread_series_pk");
                    statement.execute("ALTER TABLE spread_series ADD CONSTRAINT spread_series_pk PRIMARY KEY "
                            + "(symbol, kind, resolution, bucket) INCLUDE (gross_min, gross_max, gross_last, "
                            + "net_min, net_max, net_last)");
                }
            }
            System.out.printf("%d symbols × %d kinds, PostgreSQL %s, primary key %s%n", symbols, KINDS,
                    scalar(connection, "SHOW server_version"), covering ? "covering (INCLUDE the values)" : "plain");

            long t0 = System.nanoTime();
            for (int d = 7; d >= 3; d--) {
                insertDay(connection, symbols, now.minus(d, ChronoUnit.DAYS), 900);
            }
            long thinned = size(connection);
            System.out.printf("5 days of 15-min buckets: %,d rows in %.1f s, %s (%s a day)%n",
                    rows(connection), seconds(t0), mb(thinned), mb(thinned / 5));

            // the recorder writes each minute's quarter hour beside it: the newest 2 days have both resolutions
            insertDay(connection, symbols, now.minus(2, ChronoUnit.DAYS), 900);
            insertDay(connection, symbols, now.minus(1, ChronoUnit.DAYS), 900);
            long coarseOnly = size(connection);
            t0 = System.nanoTime();
            insertDay(connection, symbols, now.minus(2, ChronoUnit.DAYS), 60);
            long withOneMinuteDay = size(connection);
            thinned = coarseOnly;
            System.out.printf("+1 day of 1-min buckets (%,d rows) in %.1f s: %s a day%n",
                    (long) symbols * KINDS * 1440, seconds(t0), mb(withOneMinuteDay - thinned));
            t0 = System.nanoTime();
            insertDay(connection, symbols, now.minus(1, ChronoUnit.DAYS), 60);
            long full = size(connection);
            System.out.printf("+1 more day of 1-min buckets in %.1f s: %s a day; 7 days in all: %s, %,d rows%n",
                    seconds(t0), mb(full - withOneMinuteDay), mb(full), rows(connection));
            System.out.printf("  of which heap %s, primary key %s, BRIN %s%n",
                    mb(relation(connection, "spread_series")), mb(relation(connection, "spread_series_pk")),
                    mb(relation(connection, "spread_series_bucket")));

            SpreadSeries series = new SpreadSeries(JdbcClient.create(dataSource));
            Instant to = now.minusSeconds(60);
            Instant from = now.minus(7, ChronoUnit.DAYS);
            Random random = new Random(16);
            System.out.printf("%-34s %10s %10s %10s %8s%n", "one symbol, 7 days, all 3 kinds", "p50 ms", "p95 ms",
                    "max ms", "points");
            // the 1-minute buckets are read from the first quarter hour at which all are kept (the endpoint's rule)
            Instant minutesFrom = now.minus(2, ChronoUnit.DAYS);
            for (int step : new int[] { 60, 900, 3600 }) {
                for (int i = 0; i < 20; i++) {
                    series.points("S" + random.nextInt(symbols) + "/USDT", List.of(SignalKind.values()), from, to,
                            step, minutesFrom, 900);
                }
                long[] times = new long[repeats];
                int points = 0;
                for (int i = 0; i < repeats; i++) {
                    long start = System.nanoTime();
                    points = series.points("S" + random.nextInt(symbols) + "/USDT", List.of(SignalKind.values()),
                            from, to, step, minutesFrom, 900).size();
                    times[i] = System.nanoTime() - start;
                }
                Arrays.sort(times);
                System.out.printf("%-34s %10.1f %10.1f %10.1f %8d%n", "step " + step + " s", times[repeats / 2] / 1e6,
                        times[(int) Math.ceil(repeats * 0.95) - 1] / 1e6, times[repeats - 1] / 1e6, points);
            }

            if (!thin) {
                return;
            }
            Instant eighth = now.minus(8, ChronoUnit.DAYS);
            insertDay(connection, symbols, eighth, 60);
            t0 = System.nanoTime();
            SpreadSeries.Thinned result = series.thin(eighth.plus(1, ChronoUnit.DAYS),
                    now.minus(30, ChronoUnit.DAYS), 900);
            System.out.printf("thinning one whole day at once: %,d minute rows into %,d coarse in %.1f s%n",
                    result.minuteRows(), result.coarseRows(), seconds(t0));
        }
        finally {
            servers.stop();
        }
    }

    /** One day of buckets for every symbol and kind, one statement per bucket time as the recorder writes them. */
    static void insertDay(Connection connection, int symbols, Instant start, int resolution) throws Exception {
        try (Statement statement = connection.createStatement()) {
            for (long t = start.getEpochSecond(); t < start.getEpochSecond() + 86_400; t += resolution) {
                statement.execute("INSERT INTO spread_series (symbol, kind, resolution, bucket, gross_min, gross_max, "
                        + "gross_last, net_min, net_max, net_last) SELECT 'S' || s || '/USDT', k, " + resolution
                        + ", to_timestamp(" + t + "), g - 0.1, g + 0.1, g, g - 0.2, g, g - 0.1 FROM (SELECT s, k, "
                        + "(random() * 3)::real AS g FROM generate_series(0, " + (symbols - 1) + ") s, "
                        + "generate_series(1, " + KINDS + ") k) v");
            }
        }
    }

    static long size(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE spread_series");
        }
        return Long.parseLong(scalar(connection, "SELECT pg_total_relation_size('spread_series')"));
    }

    static long relation(Connection connection, String name) throws Exception {
        return Long.parseLong(scalar(connection, "SELECT pg_relation_size('" + name + "')"));
    }

    static long rows(Connection connection) throws Exception {
        return Long.parseLong(scalar(connection, "SELECT count(*) FROM spread_series"));
    }

    static String scalar(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
