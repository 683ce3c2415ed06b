package org.learninglog.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * The JVM's garbage collector, for a benchmark's first line: the journey's rebuild at a million events
 * took 89.8 s with the throughput collector ({@code -XX:+UseParallelGC}) and 109.8 s with G1, the
 * default, which the run command keeps for its shorter pauses; so a run says which it had.
 */
final class Collector {

    private Collector() {
    }

    /** The collector's name: "G1" for the default, as its beans name it otherwise. */
    static String described() {
        String names = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + "));
        return names.startsWith("G1 ") ? "G1" : names;
    }
}
