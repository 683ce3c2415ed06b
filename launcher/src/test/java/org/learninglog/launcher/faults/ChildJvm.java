package org.learninglog.launcher.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A launcher run in a JVM of its own, as a user runs it ({@code java … LearningLogApplication
 * args}), so that it can be killed for real. Its output goes to a file the test can wait on.
 * Public for the launcher's own tests that watch a real start.
 */
public final class ChildJvm implements AutoCloseable {

    private static final String MAIN = "org.learninglog.launcher.LearningLogApplication";

    private final Process process;
    private final Path output;
    private final String name;

    private ChildJvm(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /**
     * @param env        added to (or, with a {@code null} value, removed from) the test's environment
     * @param jvmOptions {@code -D…} and such, before the main class
     */
    public static ChildJvm start(String name, Path logDir, Map<String, String> env, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A quick start on a busy machine matters more here than peak speed.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        command.addAll(List.of(args));
        Path output = logDir.resolve(name + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("MONGODB_URI");
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            return new ChildJvm(name, builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a line of its output that contains {@code text}; fails with the output's tail if it exits or time runs out. */
    public void awaitOutput(String text, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before printing '" + text + "':\n" + tail());
            }
            sleep(100);
        }
        throw new AssertionError(name + " did not print '" + text + "' within " + atMost + ":\n" + tail());
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String tail() {
        String all = output();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no closing of files. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the JVM's shutdown hooks run, as on a normal stop. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whatever happened in the test: no child outlives it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
