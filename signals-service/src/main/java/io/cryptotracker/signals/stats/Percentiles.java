package io.cryptotracker.signals.stats;

/**
 * Exact percentiles as PostgreSQL's {@code percentile_cont} defines them (the value at rank p·(n−1), linear between
 * the two closest ranks), found in O(n) rather than by sorting: by selection among a few values, through a histogram
 * among many. Reorders the values of the range.
 */
final class Percentiles {

    /** From this many values on, a percentile is found through a histogram. */
    static final int RADIX_FROM = 1 << 14;

    private static final int BUCKETS = 1 << 16;

    private Percentiles() {
    }

    /**
     * The percentiles {@code ps} (ascending) of {@code values[from..to)}, each null when that is empty: by selection
     * for a few values (each next one among the values above the previous), by one histogram for many
     * ({@link #RADIX_FROM}), which costs a few sequential passes instead of a selection's many partitioning ones.
     */
    static Double[] of(double[] values, int from, int to, double... ps) {
        Double[] found = new Double[ps.length];
        if (to <= from) {
            return found;
        }
        Histogram histogram = to - from >= RADIX_FROM ? new Histogram(values, from, to) : null;
        int start = from;
        for (int i = 0; i < ps.length; i++) {
            double rank = ps[i] * (to - from - 1);
            int lower = (int) Math.floor(rank);
            double low;
            double high;
            if (histogram != null) {
                low = histogram.at(lower);
                high = rank == lower ? low : histogram.at(lower + 1);
            }
            else {
                select(values, start, to - 1, from + lower);
                low = values[from + lower];
                high = rank == lower ? low : least(values, from + lower + 1, to);
                start = from + lower;
            }
            found[i] = low + (rank - lower) * (high - low);
        }
        return found;
    }

    private static double least(double[] values, int from, int to) {
        double least = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            least = Math.min(least, values[i]);
        }
        return least;
    }

    /**
     * The values in 65,536 buckets of equal width between the least and the greatest; a rank is found by walking the
     * buckets, then gathering and selecting only its bucket's values.
     */
    private static final class Histogram {

        private final double[] values;
        private final int from;
        private final int to;
        private final double min;
        private final double scale;
        private final int[] counts = new int[BUCKETS];

        Histogram(double[] values, int from, int to) {
            this.values = values;
            this.from = from;
            this.to = to;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                low = Math.min(low, values[i]);
                high = Math.max(high, values[i]);
            }
            this.min = low;
            this.scale = high > low ? (BUCKETS - 1) / (high - low) : 0;
            for (int i = from; i < to; i++) {
                counts[bucket(values[i])]++;
            }
        }

        /** Monotonic in the value, so a lower bucket holds only lower or equal values. */
        private int bucket(double value) {
            return Math.min(BUCKETS - 1, (int) ((value - min) * scale));
        }

        /** The value of rank {@code rank} (from 0) in the range. */
        double at(int rank) {
            int bucket = 0;
            int before = 0;
            while (before + counts[bucket] <= rank) {
                before += counts[bucket++];
            }
            double[] inBucket = new double[counts[bucket]];
            int n = 0;
            for (int i = from; i < to; i++) {
                if (bucket(values[i]) == bucket) {
                    inBucket[n++] = values[i];
                }
            }
            select(inBucket, 0, n - 1, rank - before);
            return inBucket[rank - before];
        }
    }

    /** Puts the value of rank k in [left, right] at k, the smaller before it, the larger after (Hoare's selection). */
    private static void select(double[] a, int left, int right, int k) {
        while (right > left) {
            double pivot = a[median(left, (left + right) >>> 1, right, a)];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                right = j;
            }
            else if (k >= i) {
                left = i;
            }
            else {
                return;
            }
        }
    }

    private static int median(int x, int y, int z, double[] a) {
        return a[x] < a[y] ? (a[y] < a[z] ? y : a[x] < a[z] ? z : x) : (a[x] < a[z] ? x : a[y] < a[z] ? z : y);
    }
}
