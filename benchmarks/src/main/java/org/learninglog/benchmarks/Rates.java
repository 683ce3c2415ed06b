package org.learninglog.benchmarks;

import java.util.Arrays;

/** Figures the benchmarks compute alike: a rate per second, the median of rounds. */
final class Rates {

    private Rates() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double perSecond(long count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }
}
