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
    static Double[] of(int[] values, int from, int to, double... ps) {
        Double[] found = new Double[ps.length];
        if (to <= from) {
            return found;
        }
        if (to - from >= RADIX_FROM) {
            IntHistogram histogram = new IntHistogram(values, from, to);
            for (int i = 0; i < ps.length; i++) {
                found[i] = histogram.percentile(ps[i]);
            }
            return found;
        }
        int start = from;
        for (int i = 0; i < ps.length; i++) {
            double rank = ps[i] * (to - from - 1);
            int lower = from + (int) Math.floor(rank);
            select(values, start, to - 1, lower);
            double low = values[lower];
            found[i] = low;
            if (rank != lower - from) {
                int high = Integer.MAX_VALUE;
                for (int j = lower + 1; j < to; j++) {
                    high = Math.min(high, values[j]);
                }
                found[i] = low + (rank - (lower - from)) * (high - low);
            }
            start = lower;
        }
        return found;
    }

    /** The p-th percentile of {@code values[from..to)}, or null when that is empty. */
    static Double of(double[] values, int from, int to, double p) {
        if (to <= from) {
            return null;
        }
        if (to - from >= RADIX_FROM) {
            return new DoubleHistogram(values, from, to).percentile(p);
        }
        double rank = p * (to - from - 1);
        int lower = from + (int) Math.floor(rank);
        select(values, from, to - 1, lower);
        double low = values[lower];
        if (rank == lower - from) {
            return low;
        }
        double high = Double.POSITIVE_INFINITY;
        for (int i = lower + 1; i < to; i++) {
            high = Math.min(high, values[i]);
        }
        return low + (rank - (lower - from)) * (high - low);
    }

    /**
     * The values in up to 65,536 buckets of equal width (one value each when their range is smaller); a rank is found
     * by walking the buckets, then gathering and selecting only its bucket's values.
     */
    private static final class IntHistogram {

        private final int[] values;
        private final int from;
        private final int to;
        private final int min;
        private final int shift;
        private final int[] counts;

        IntHistogram(int[] values, int from, int to) {
            this.values = values;
            this.from = from;
            this.to = to;
            int low = Integer.MAX_VALUE;
            int high = Integer.MIN_VALUE;
            for (int i = from; i < to; i++) {
                low = Math.min(low, values[i]);
                high = Math.max(high, values[i]);
            }
            long range = (long) high - low;
            this.min = low;
            this.shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - 16);
            this.counts = new int[(int) (range >>> shift) + 1];
            for (int i = from; i < to; i++) {
                counts[bucket(values[i])]++;
            }
        }

        private int bucket(int value) {
            return (int) (((long) value - min) >>> shift);
        }

        double percentile(double p) {
            double rank = p * (to - from - 1);
            int lower = (int) Math.floor(rank);
            double low = at(lower);
            return rank == lower ? low : low + (rank - lower) * (at(lower + 1) - low);
        }

        private double at(int rank) {
            int bucket = 0;
            int before = 0;
            while (before + counts[bucket] <= rank) {
                before += counts[bucket++];
            }
            if (shift == 0) {
                return (long) min + bucket;
            }
            int[] inBucket = new int[counts[bucket]];
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

    /** The same over doubles: 65,536 buckets of equal width between the least and the greatest value. */
    private static final class DoubleHistogram {

        private final double[] values;
        private final int from;
        private final int to;
        private final double min;
        private final double scale;
        private final int[] counts = new int[BUCKETS];

        DoubleHistogram(double[] values, int from, int to) {
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

        double percentile(double p) {
            double rank = p * (to - from - 1);
            int lower = (int) Math.floor(rank);
            double low = at(lower);
            return rank == lower ? low : low + (rank - lower) * (at(lower + 1) - low);
        }

        private double at(int rank) {
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
    private static void select(int[] a, int left, int right, int k) {
        while (right > left) {
            int pivot = a[median(left, (left + right) >>> 1, right, a)];
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
                    int t = a[i];
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

    private static int median(int x, int y, int z, int[] a) {
        return a[x] < a[y] ? (a[y] < a[z] ? y : a[x] < a[z] ? z : x) : (a[x] < a[z] ? x : a[y] < a[z] ? z : y);
    }

    private static int median(int x, int y, int z, double[] a) {
        return a[x] < a[y] ? (a[y] < a[z] ? y : a[x] < a[z] ? z : x) : (a[x] < a[z] ? x : a[y] < a[z] ? z : y);
    }
}
