package org.learninglog.command.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The demo's random choices, from one seed: the same seed and the same order of choices give
 * the same demo on every load.
 */
final class DemoDice {

    private final Random random;

    DemoDice(long seed) {
        this.random = new Random(seed);
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    <T> T pick(T[] from) {
        return from[random.nextInt(from.length)];
    }

    /** True once in {@code times}, on average. */
    boolean oneIn(int times) {
        return random.nextInt(times) == 0;
    }

    /** A day of the month starting on {@code start}, {@code range.from()} to {@code range.to()} days into it. */
    LocalDate dayWithin(LocalDate start, DemoContent.DayRange range) {
        return start.plusDays(range.from() + random.nextInt(range.to() - range.from() + 1));
    }
}
