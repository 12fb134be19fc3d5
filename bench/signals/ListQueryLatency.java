import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.cryptotracker.testsupport.EmbeddedServers;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * List-query latency of signals-service at ROWS stored signals: real PostgreSQL (embedded), the service's own
 * Liquibase schema and indexes, ROWS rows in signal_mexc_spot_futures over 2,000 symbols and 30 days, then the
 * SQL that GET /api/v1/signals/mexc-spot-futures runs (count + page) for typical filters, each timed many times.
 * Run with bench/signals/run.sh queries.
 */
public class ListQueryLatency {

    static final String TABLE = "signal_mexc_spot_futures";

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        EmbeddedServers servers = EmbeddedServers.shared();
        String database = "signals_bench_" + System.currentTimeMillis();
        servers.createDatabase(database);
        DataSource dataSource = servers.dataSource(database);
        try (Connection connection = dataSource.getConnection()) {
            new Liquibase("db/changelog/changes/2026-11-24-signals-schema.yaml", new ClassLoaderResourceAccessor(),
                    new JdbcConnection(connection)).update("");
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO " + TABLE + " (id, symbol, venue_key, spread_percent, "
                        + "net_spread_percent, peak_spread_percent, status, source, detected_at, updated_at, closed_at, "
                        + "spot_bid, spot_ask, futures_bid, futures_ask, direction) "
                        + "SELECT gen_random_uuid(), 'C' || (n % 2000) || '/USDT', 'bench:' || n, "
                        + "round((random() * 5)::numeric, 6), round((random() * 5 - 0.07)::numeric, 6), "
                        + "round((random() * 6)::numeric, 6), CASE WHEN n % 200 = 0 THEN 'OPEN' ELSE 'CLOSED' END, "
                        + "CASE WHEN n % 10 = 0 THEN 'TELEGRAM' ELSE 'DETECTOR' END, "
                        + "now() - (n * interval '2.592 seconds'), now() - (n * interval '2.592 seconds'), "
                        + "CASE WHEN n % 200 = 0 THEN NULL ELSE now() - (n * interval '2.5 seconds') END, "
                        + "1, 1.001, 1.01, 1.011, 'BUY_SPOT_SHORT_PERP' FROM generate_series(1, " + rows + ") n");
                statement.execute("ANALYZE " + TABLE);
            }
            System.out.printf("inserted %d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
            String cutoff = "now() - interval '15 minutes'";
            List<String[]> cases = List.of(
                    new String[] { "newest first (VIP)", "TRUE", "detected_at DESC, id DESC", "0" },
                    new String[] { "newest first (FREE delay)", "detected_at <= " + cutoff,
                            "detected_at DESC, id DESC", "0" },
                    new String[] { "symbol exact", "symbol = 'C42/USDT'", "detected_at DESC, id DESC", "0" },
                    new String[] { "status=open", "status = 'OPEN'", "detected_at DESC, id DESC", "0" },
                    new String[] { "q prefix C12", "symbol LIKE 'C12%'", "detected_at DESC, id DESC", "0" },
                    new String[] { "min_spread=4 sort net desc", "spread_percent >= 4", "net_spread_percent DESC, id DESC",
                            "0" },
                    new String[] { "last 24 h", "detected_at >= now() - interval '1 day'", "detected_at DESC, id DESC",
                            "0" },
                    new String[] { "page 100 (offset 2000)", "TRUE", "detected_at DESC, id DESC", "2000" });
            System.out.printf("%-28s %10s %10s %10s %12s%n", "query (size=20)", "p50 ms", "p95 ms", "max ms", "total_items");
            for (String[] c : cases) {
                long[] times = new long[repeats];
                long total = 0;
                for (int i = 0; i < repeats; i++) {
                    long t0 = System.nanoTime();
                    try (Statement statement = connection.createStatement()) {
                        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + TABLE + " WHERE "
                                + c[1])) {
                            count.next();
                            total = count.getLong(1);
                        }
                        try (ResultSet page = statement.executeQuery("SELECT * FROM " + TABLE + " WHERE " + c[1]
                                + " ORDER BY " + c[2] + " LIMIT 20 OFFSET " + c[3])) {
                            while (page.next()) {
                                page.getString("symbol");
                            }
                        }
                    }
                    times[i] = System.nanoTime() - t0;
                }
                Arrays.sort(times);
                System.out.printf("%-28s %10.1f %10.1f %10.1f %12d%n", c[0], times[repeats / 2] / 1e6,
                        times[(int) Math.ceil(repeats * 0.95) - 1] / 1e6, times[repeats - 1] / 1e6, total);
            }
        }
        finally {
            servers.stop();
        }
    }
}
