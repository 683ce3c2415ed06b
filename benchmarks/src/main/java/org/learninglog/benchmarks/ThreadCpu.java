package org.learninglog.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time this process's threads took, by what they do: the collector's threads (its pauses
 * and its concurrent work: refining cards, marking), the JIT's compilers, the embedded store's
 * threads, and all of them together; read from Linux's {@code /proc/self/task/<tid>/schedstat}
 * (nanoseconds on the CPU) and {@code comm} (the thread's name). Elsewhere it reads nothing and
 * says so. A rebuild's wall-clock time says how long it took; this says what the two cores did
 * meanwhile, which the JVM's own beans cannot tell of the collector's concurrent threads.
 */
record ThreadCpu(Map<String, Long> nanos, long pauseMillis) {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String ALL = "all threads";
    private static final String COLLECTOR = "collector";
    private static final String JIT = "JIT";
    private static final String STORE = "embedded store";

    /** The CPU time of the threads alive now, and the collector's pauses so far. */
    static ThreadCpu now() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        long pauses = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        if (!Files.isDirectory(TASKS)) {
            return new ThreadCpu(nanos, pauses);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    long onCpu = Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split("\\s+")[0]);
                    String name = Files.readString(task.resolve("comm")).trim();
                    nanos.merge(ALL, onCpu, Long::sum);
                    String group = group(name);
                    if (group != null) {
                        nanos.merge(group, onCpu, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read: its time is not counted
                }
            }
        } catch (IOException e) {
            nanos.clear();
        }
        return new ThreadCpu(nanos, pauses);
    }

    private static String group(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return COLLECTOR; // the VM thread runs the pauses' serial parts
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (name.startsWith("mongo-server") || name.startsWith("embedded-store")) {
            return STORE;
        }
        return null;
    }

    /** What the threads took from {@code before} to this, as a line of seconds; empty where nothing could be read. */
    String since(ThreadCpu before) {
        if (nanos.isEmpty() || before.nanos.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "CPU s: %.1f all threads, collector %.1f (its pauses %.1f s of the wall clock), store %.1f, JIT %.1f",
                seconds(before, ALL), seconds(before, COLLECTOR), (pauseMillis - before.pauseMillis) / 1e3, seconds(before, STORE),
                seconds(before, JIT));
    }

    private double seconds(ThreadCpu before, String group) {
        return (nanos.getOrDefault(group, 0L) - before.nanos.getOrDefault(group, 0L)) / 1e9;
    }
}
