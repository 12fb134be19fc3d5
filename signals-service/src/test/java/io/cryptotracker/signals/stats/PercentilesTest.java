package io.cryptotracker.signals.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The selection finds exactly what sorting and {@code percentile_cont}'s definition give, on any range. */
class PercentilesTest {

    @Test
    void selectionAgreesWithTheSortedDefinitionOnRandomRanges() {
        Random random = new Random(16);
        for (int round = 0; round < 1_930; round++) {
            // few values (selection), then many (the histogram), some in a narrow range and some in a wide one
            int n = 1 + random.nextInt(round < 1_000 ? 12 : round < 1_900 ? 400 : 60_000);
            int from = random.nextInt(5);
            int[] ints = new int[from + n + random.nextInt(5)];
            double[] doubles = new double[ints.length];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = switch (round % 3) {
                    case 0 -> random.nextInt(5); // many repeats
                    case 1 -> random.nextInt(100_000);
                    default -> random.nextInt(Integer.MAX_VALUE) - random.nextInt(1_000); // a range beyond 2^16
                };
                doubles[i] = round % 2 == 0 ? random.nextInt(1000) / 7.0 : random.nextGaussian() * 1e-3;
            }
            for (double p : new double[] { 0.5, 0.9, 0.0, 0.95 }) {
                int[] sortedInts = Arrays.copyOfRange(ints, from, from + n);
                double[] sortedDoubles = Arrays.copyOfRange(doubles, from, from + n);
                Arrays.sort(sortedInts);
                Arrays.sort(sortedDoubles);
                double[] wide = Arrays.stream(ints).asDoubleStream().toArray();
                double[] outside = { from > 0 ? wide[from - 1] : 0, from + n < wide.length ? wide[from + n] : 0 };

                assertThat(Percentiles.of(wide.clone(), from, from + n, p)[0]).isCloseTo(cont(sortedInts, p),
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(Percentiles.of(wide, from, from + n, p, 0.95)).containsExactly(cont(sortedInts, p),
                        cont(sortedInts, 0.95));
                assertThat(Percentiles.of(doubles, from, from + n, p)[0]).isCloseTo(cont(sortedDoubles, p),
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(new double[] { from > 0 ? wide[from - 1] : 0, from + n < wide.length ? wide[from + n] : 0 })
                        .as("values outside the range stay").containsExactly(outside);
            }
        }
    }

    @Test
    void anEmptyRangeHasNoPercentile() {
        assertThat(Percentiles.of(new double[3], 1, 1, 0.5, 0.9)).containsExactly(null, null);
        assertThat(Percentiles.of(new double[0], 0, 0, 0.9)).containsExactly((Double) null);
    }

    private static double cont(int[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    private static double cont(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }
}
