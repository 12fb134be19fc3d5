package io.cryptotracker.signals.stats;

/**
 * Exact percentiles as PostgreSQL's {@code percentile_cont} defines them (the value at rank p·(n−1), linear between
 * the two closest ranks), found by selection in O(n) rather than by sorting. Reorders the first {@code n} values.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile of {@code values[0..n)}, or null when n is 0. */
    static Double of(int[] values, int n, double p) {
        if (n == 0) {
            return null;
        }
        double rank = p * (n - 1);
        int lower = (int) Math.floor(rank);
        select(values, n, lower);
        double low = values[lower];
        if (rank == lower) {
            return low;
        }
        int high = Integer.MAX_VALUE;
        for (int i = lower + 1; i < n; i++) {
            high = Math.min(high, values[i]);
        }
        return low + (rank - lower) * (high - low);
    }

    /** The p-th percentile of {@code values[0..n)}, or null when n is 0. */
    static Double of(double[] values, int n, double p) {
        if (n == 0) {
            return null;
        }
        double rank = p * (n - 1);
        int lower = (int) Math.floor(rank);
        select(values, n, lower);
        double low = values[lower];
        if (rank == lower) {
            return low;
        }
        double high = Double.POSITIVE_INFINITY;
        for (int i = lower + 1; i < n; i++) {
            high = Math.min(high, values[i]);
        }
        return low + (rank - lower) * (high - low);
    }

    /** Puts the k-th smallest at k, the smaller before it and the larger after it (Hoare's selection). */
    private static void select(int[] a, int n, int k) {
        int left = 0;
        int right = n - 1;
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

    private static void select(double[] a, int n, int k) {
        int left = 0;
        int right = n - 1;
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
