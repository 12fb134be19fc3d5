package io.cryptotracker.signals.stats;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The statistics' in-memory copy of {@code signal_outcomes}: one row per signal in primitive columns, strings
 * dictionary-encoded, upserted by signal id, scanned whole per question. Aggregating a million rows in PostgreSQL
 * (percentiles need a sort) takes seconds; a scan of these arrays with exact order statistics takes milliseconds
 * ({@code bench/signals/run.sh stats}). Not thread-safe: {@link OutcomeIndex} guards it.
 *
 * <p>Per row: detection time (8 bytes), whole seconds alive (4), peak net spread (8), symbol and route codes (4 + 4),
 * the legs' exchange codes (2 + 2), kind, source and the 30-minute flag (1 each), the signal id (16): 51 bytes; and
 * 2 to 4 hash slots of 4 bytes (the id hash is kept at most half full): 59 to 67 bytes a row, with up to half again
 * of spare capacity while the columns grow by half.
 */
public final class OutcomeColumns {

    /** The columns the statistics read, in the order {@link #read(ResultSet)} reads them. */
    public static final String SELECT = "SELECT signal_id, kind, symbol, source, buy_venue, sell_venue, buy_exchange, "
            + "sell_exchange, detected_at, closed_at, converged_at, peak_net_percent, updated_at FROM signal_outcomes";

    static final long CONVERGENCE_WINDOW_MICROS = 30L * 60 * 1_000_000;

    /** A venue a signal does not name, in a route key. */
    static final String UNKNOWN_VENUE = "unknown";

    private static final int NONE = -1;

    /** The per-group counts of one question: indexes into its count arrays. */
    private static final int COUNT = 0;
    private static final int CONVERGED = 1;
    private static final int PASSED = 2;
    private static final int CONVERGED_PASSED = 3;
    private static final int CLOSED = 4;
    private static final int PEAKED = 5;
    private static final int COUNTS = 6;

    private final Dictionary kinds = new Dictionary(Byte.MAX_VALUE);
    private final Dictionary symbols = new Dictionary(Integer.MAX_VALUE);
    private final Dictionary sources = new Dictionary(Byte.MAX_VALUE);
    private final Dictionary routes = new Dictionary(Integer.MAX_VALUE);
    private final Dictionary exchanges = new Dictionary(Short.MAX_VALUE);

    private int size;
    private long[] idHigh = new long[0];
    private long[] idLow = new long[0];
    private long[] detectedMicros = new long[0];
    /** Whole seconds from detection to close; -1 while open. */
    private int[] aliveSeconds = new int[0];
    /** NaN when unknown. */
    private double[] peakNet = new double[0];
    private int[] symbol = new int[0];
    private int[] route = new int[0];
    private short[] buyExchange = new short[0];
    private short[] sellExchange = new short[0];
    private byte[] kind = new byte[0];
    private byte[] source = new byte[0];
    /** 1 when the signal converged within 30 minutes of detection. */
    private byte[] converged30m = new byte[0];
    /** Row + 1 per slot, 0 empty; open addressing on the signal id. */
    private int[] slots = new int[16];

    /** Rows held. */
    public int size() {
        return size;
    }

    /** The bytes the columns, the id hash and the dictionaries' codes take now (capacity included). */
    public long bytes() {
        long perRow = 8 + 8 + 8 + 4 + 8 + 4 + 4 + 2 + 2 + 1 + 1 + 1;
        return perRow * detectedMicros.length + 4L * slots.length;
    }

    /** The row of the result set's current line ({@link #SELECT}'s columns). */
    public static Row read(ResultSet rs) throws SQLException {
        OffsetDateTime closed = rs.getObject(10, OffsetDateTime.class);
        OffsetDateTime converged = rs.getObject(11, OffsetDateTime.class);
        BigDecimal peak = rs.getBigDecimal(12);
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                micros(rs.getObject(9, OffsetDateTime.class)), closed == null ? null : micros(closed),
                converged == null ? null : micros(converged), peak == null ? Double.NaN : peak.doubleValue(),
                micros(rs.getObject(13, OffsetDateTime.class)));
    }

    /** Inserts or replaces a signal's row. */
    public void upsert(Row r) {
        upsert(r.id(), r.kind(), r.symbol(), r.source(), r.buyVenue(), r.sellVenue(), r.buyExchange(),
                r.sellExchange(), r.detectedMicros(), r.closedMicros(), r.convergedMicros(), r.peakNetPercent());
    }

    /** Inserts or replaces one signal's row; times in microseconds since the epoch, null when not (yet) set. */
    void upsert(UUID id, String kindName, String symbolName, String sourceName, String buyVenue, String sellVenue,
            String buyExchangeName, String sellExchangeName, long detected, Long closed, Long converged, double peak) {
        int row = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (row == NONE) {
            row = append(id);
        }
        detectedMicros[row] = detected;
        aliveSeconds[row] = closed == null ? -1 : (int) Math.min(Integer.MAX_VALUE,
                Math.max(0, Math.floorDiv(closed - detected, 1_000_000)));
        peakNet[row] = peak;
        kind[row] = (byte) kinds.code(kindName);
        symbol[row] = symbols.code(symbolName);
        source[row] = (byte) sources.code(sourceName);
        route[row] = routes.code((buyVenue == null ? UNKNOWN_VENUE : buyVenue) + " → "
                + (sellVenue == null ? UNKNOWN_VENUE : sellVenue));
        buyExchange[row] = (short) (buyExchangeName == null ? NONE : exchanges.code(buyExchangeName));
        sellExchange[row] = (short) (sellExchangeName == null ? NONE : exchanges.code(sellExchangeName));
        converged30m[row] = (byte) (converged != null && converged - detected <= CONVERGENCE_WINDOW_MICROS ? 1 : 0);
    }

    /**
     * The figures over the rows the filter keeps, in total and per group (by count, descending; equal counts by key).
     *
     * @param nowMicros the time the 30-minute share is taken at: signals detected less than 30 minutes before count
     *        in {@code converged_30m_count} once converged, but not in the share's base
     */
    public Result stats(StatsFilter filter, StatsGrouping grouping, long nowMicros) {
        int kindCode = filter.kind() == null ? NONE : kinds.find(filter.kind());
        int symbolCode = filter.symbol() == null ? NONE : symbols.find(filter.symbol());
        int sourceCode = filter.source() == null ? NONE : sources.find(filter.source());
        int exchangeCode = filter.exchange() == null ? NONE : exchanges.find(filter.exchange());
        boolean impossible = (filter.kind() != null && kindCode == NONE)
                || (filter.symbol() != null && symbolCode == NONE) || (filter.source() != null && sourceCode == NONE)
                || (filter.exchange() != null && exchangeCode == NONE);
        Dictionary keys = switch (grouping) {
            case SYMBOL -> symbols;
            case ROUTE -> routes;
            case SOURCE -> sources;
        };
        int groupCount = keys.size();
        // one sequential pass: the rows kept, their group, and what each group counts
        int[] matched = new int[impossible ? 0 : size];
        int[] matchedGroup = new int[matched.length];
        int matches = 0;
        long[][] counts = new long[COUNTS][groupCount];
        long[] count = counts[COUNT];
        long[] converged = counts[CONVERGED];
        long[] passed = counts[PASSED];
        long[] convergedPassed = counts[CONVERGED_PASSED];
        long[] closed = counts[CLOSED];
        long[] peaked = counts[PEAKED];
        long from = filter.fromMicros();
        long to = filter.toMicros();
        long passedBefore = nowMicros - CONVERGENCE_WINDOW_MICROS;
        for (int row = 0; row < matched.length; row++) {
            long detected = detectedMicros[row];
            if (detected < from || detected > to || (kindCode != NONE && kind[row] != kindCode)
                    || (symbolCode != NONE && symbol[row] != symbolCode)
                    || (sourceCode != NONE && source[row] != sourceCode)
                    || (exchangeCode != NONE && buyExchange[row] != exchangeCode
                            && sellExchange[row] != exchangeCode)) {
                continue;
            }
            int g = key(grouping, row);
            matched[matches] = row;
            matchedGroup[matches++] = g;
            count[g]++;
            int done = converged30m[row];
            converged[g] += done;
            if (detected <= passedBefore) {
                passed[g]++;
                convergedPassed[g] += done;
            }
            closed[g] += aliveSeconds[row] >= 0 ? 1 : 0;
            peaked[g] += Double.isNaN(peakNet[row]) ? 0 : 1;
        }
        // the values each group's percentiles need, contiguous per group (a counting sort on the group code)
        int[] aliveStart = new int[groupCount + 1];
        int[] peakStart = new int[groupCount + 1];
        for (int g = 0; g < groupCount; g++) {
            aliveStart[g + 1] = aliveStart[g] + (int) closed[g];
            peakStart[g + 1] = peakStart[g] + (int) peaked[g];
        }
        double[] alive = new double[aliveStart[groupCount]];
        double[] peaks = new double[peakStart[groupCount]];
        int[] aliveNext = Arrays.copyOf(aliveStart, groupCount);
        int[] peakNext = Arrays.copyOf(peakStart, groupCount);
        for (int i = 0; i < matches; i++) {
            int row = matched[i];
            int g = matchedGroup[i];
            if (aliveSeconds[row] >= 0) {
                alive[aliveNext[g]++] = aliveSeconds[row];
            }
            if (!Double.isNaN(peakNet[row])) {
                peaks[peakNext[g]++] = peakNet[row];
            }
        }
        long[] totals = new long[COUNTS];
        for (int g = 0; g < groupCount; g++) {
            for (int c = 0; c < COUNTS; c++) {
                totals[c] += counts[c][g];
            }
        }
        // each group's values are a range of their own: the groups' percentiles are found in parallel
        Group[] found = new Group[groupCount];
        IntStream.range(0, groupCount).parallel().filter(g -> count[g] > 0).forEach(g -> found[g] = new Group(
                keys.value(g), figures(count[g], converged[g], passed[g], convergedPassed[g], alive, aliveStart[g],
                        aliveStart[g + 1], peaks, peakStart[g], peakStart[g + 1])));
        List<Group> groups = new ArrayList<>();
        for (Group group : found) {
            if (group != null) {
                groups.add(group);
            }
        }
        // after the groups: the total's selection reorders values across them
        Figures total = figures(totals[COUNT], totals[CONVERGED], totals[PASSED], totals[CONVERGED_PASSED], alive, 0,
                alive.length, peaks, 0, peaks.length);
        groups.sort((a, b) -> a.figures().count() != b.figures().count()
                ? Long.compare(b.figures().count(), a.figures().count()) : a.key().compareTo(b.key()));
        return new Result(total, groups);
    }

    private static Figures figures(long count, long converged, long passed, long convergedPassed, double[] alive,
            int aliveFrom, int aliveTo, double[] peaks, int peakFrom, int peakTo) {
        Double[] aliveFigures = Percentiles.of(alive, aliveFrom, aliveTo, 0.5, 0.9);
        return new Figures(count, converged, passed == 0 ? null : (double) convergedPassed / passed, aliveFigures[0],
                aliveFigures[1], round(Percentiles.of(peaks, peakFrom, peakTo, 0.5)[0]));
    }

    private int key(StatsGrouping grouping, int row) {
        return switch (grouping) {
            case SYMBOL -> symbol[row];
            case ROUTE -> route[row];
            case SOURCE -> source[row];
        };
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1e8) / 1e8;
    }

    private int find(long high, long low) {
        int mask = slots.length - 1;
        for (int slot = hash(high, low) & mask;; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return NONE;
            }
            if (idHigh[entry - 1] == high && idLow[entry - 1] == low) {
                return entry - 1;
            }
        }
    }

    private int append(UUID id) {
        if (size == detectedMicros.length) {
            grow(Math.max(1024, size + (size >> 1)));
        }
        int row = size++;
        idHigh[row] = id.getMostSignificantBits();
        idLow[row] = id.getLeastSignificantBits();
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        else {
            place(row);
        }
        return row;
    }

    private void place(int row) {
        int mask = slots.length - 1;
        int slot = hash(idHigh[row], idLow[row]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = row + 1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int row = 0; row < size; row++) {
            place(row);
        }
    }

    private void grow(int capacity) {
        idHigh = Arrays.copyOf(idHigh, capacity);
        idLow = Arrays.copyOf(idLow, capacity);
        detectedMicros = Arrays.copyOf(detectedMicros, capacity);
        aliveSeconds = Arrays.copyOf(aliveSeconds, capacity);
        peakNet = Arrays.copyOf(peakNet, capacity);
        symbol = Arrays.copyOf(symbol, capacity);
        route = Arrays.copyOf(route, capacity);
        buyExchange = Arrays.copyOf(buyExchange, capacity);
        sellExchange = Arrays.copyOf(sellExchange, capacity);
        kind = Arrays.copyOf(kind, capacity);
        source = Arrays.copyOf(source, capacity);
        converged30m = Arrays.copyOf(converged30m, capacity);
    }

    private static int hash(long high, long low) {
        long h = (high ^ low) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    static long micros(OffsetDateTime time) {
        return time.toEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }

    /** The figures of contract 2; medians and p90 are {@code percentile_cont}'s (linear between ranks). */
    public record Figures(long count, long converged30mCount, Double converged30mShare, Double aliveMedianSeconds,
            Double aliveP90Seconds, Double peakNetMedianPercent) {
    }

    /**
     * One line of {@code signal_outcomes} as the statistics read it: times in microseconds since the epoch, null
     * when not (yet) set; the peak NaN when unknown.
     */
    public record Row(UUID id, String kind, String symbol, String source, String buyVenue, String sellVenue,
            String buyExchange, String sellExchange, long detectedMicros, Long closedMicros, Long convergedMicros,
            double peakNetPercent, long updatedMicros) {
    }

    public record Group(String key, Figures figures) {
    }

    public record Result(Figures total, List<Group> groups) {
    }

    /** Strings to dense codes and back. */
    private static final class Dictionary {

        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();
        private final int limit;

        Dictionary(int limit) {
            this.limit = limit;
        }

        int code(String value) {
            Integer code = codes.get(value);
            if (code != null) {
                return code;
            }
            if (values.size() >= limit) {
                throw new IllegalStateException("More than " + limit + " distinct values of one statistics column");
            }
            values.add(value);
            codes.put(value, values.size() - 1);
            return values.size() - 1;
        }

        int find(String value) {
            return codes.getOrDefault(value, NONE);
        }

        String value(int code) {
            return values.get(code);
        }

        int size() {
            return values.size();
        }
    }
}
