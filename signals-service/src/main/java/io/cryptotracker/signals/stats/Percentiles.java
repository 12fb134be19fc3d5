package io.cryptotracker.signals.stats;

/**
 * Exact percentiles as PostgreSQL's {@code percentile_cont} defines them (the value at rank p·(n−1), linear between
 * the two closest ranks), found by selection in O(n) rather than by sorting. Reorders the values of the range.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile of {@code values[from..to)}, or null when that is empty. */
    static Double of(int[] values, int from, int to, double p) {
        if (to <= from) {
            return null;
        }
        double rank = p * (to - from - 1);
        int lower = from + (int) Math.floor(rank);
        select(values, from, to - 1, lower);
        double low = values[lower];
        if (rank == lower - from) {
            return low;
        }
        int high = Integer.MAX_VALUE;
        for (int i = lower + 1; i < to; i++) {
            high = Math.min(high, values[i]);
        }
        return low + (rank - (lower - from)) * (high - low);
    }

    /** The p-th percentile of {@code values[from..to)}, or null when that is empty. */
    static Double of(double[] values, int from, int to, double p) {
        if (to <= from) {
            return null;
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
