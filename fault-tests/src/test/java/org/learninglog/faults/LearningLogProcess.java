package org.learninglog.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Learning Log as a user runs it: the launcher's executable jar in a JVM of its own, its output in a
 * log file. Killed for real ({@link #kill()} is SIGKILL), so nothing of it can tidy up.
 */
final class LearningLogProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("launcher.jar", "../launcher/target/launcher-0.1.0-SNAPSHOT.jar"));
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private LearningLogProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the whole system on the data folder {@code data} (its embedded store) with the demo
     * off, plus any {@code --name=value} arguments, and waits until it is ready.
     */
    static LearningLogProcess start(Path data, Map<String, String> environment, String... arguments) {
        LearningLogProcess started = launch(data, environment, arguments);
        try {
            started.awaitReady(Duration.ofSeconds(300));
            return started;
        } catch (RuntimeException e) {
            started.process.destroyForcibly(); // never leave a JVM behind, whatever failed
            throw e;
        }
    }

    /** Starts it without waiting (for starts that are expected to fail). */
    static LearningLogProcess launch(Path data, Map<String, String> environment, String... arguments) {
        try {
            Files.createDirectories(data);
            int port = freePort();
            Path log = Files.createTempFile(Path.of("target"), "learning-log-", ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-Daxoniq.update-checker.disabled=true", "-jar", JAR.toAbsolutePath().toString(),
                    "--server.port=" + port, "--learninglog.store.data-dir=" + data.toAbsolutePath(),
                    "--learninglog.demo=off",
                    // the demo is off, so its accounts are too unless forced: the tests sign in as its
                    // operator, administrator and Riverside member
                    "--learninglog.security.demo-accounts-forced=true"));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("MONGODB_URI");
            builder.environment().putAll(environment);
            return new LearningLogProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One side on its own (its executable jar, {@code command-side} or {@code query-side}) on the store at
     * {@code mongoUri}, as a deployment with several processes per side runs it; starts it without waiting.
     */
    static LearningLogProcess launchSide(String side, String mongoUri, String... arguments) {
        Path jar = Path.of(System.getProperty(side + ".jar", "../" + side + "/target/" + side + "-0.1.0-SNAPSHOT-exec.jar"));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true", "-jar", jar.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--learninglog.security.demo-accounts-forced=true"));
        command.addAll(List.of(arguments));
        return run(command, Map.of("MONGODB_URI", mongoUri));
    }

    /** The embedded store served on its own ({@code launcher.jar serve-store}), which any process reaches by URI. */
    static LearningLogProcess launchStore(int port, Path data) {
        return run(new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(),
                "serve-store", "--port", Integer.toString(port), "--data", data.toAbsolutePath().toString())), Map.of(),
                port);
    }

    private static LearningLogProcess run(List<String> command, Map<String, String> environment) {
        try {
            int port = freePort();
            command.add("--server.port=" + port);
            return run(command, environment, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LearningLogProcess run(List<String> command, Map<String, String> environment, int port) {
        try {
            Files.createDirectories(Path.of("target"));
            Path log = Files.createTempFile(Path.of("target"), "learning-log-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("MONGODB_URI");
            builder.environment().putAll(environment);
            return new LearningLogProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until something listens on this process's port (the store answers no HTTP, only its wire protocol). */
    void awaitPort(Duration patience) {
        org.awaitility.Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!isAlive()) {
                throw new IllegalStateException("The process ended while starting:\n" + tail());
            }
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** The operating system's id of the process (the first part of the node name its token claims carry). */
    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return log;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for it to end by itself; its exit code, or empty if it is still running after {@code bound}. */
    java.util.OptionalInt awaitExit(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The readiness probe's status code, or -1 if nothing answers. */
    int readiness() {
        try {
            return PROBE.send(HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void awaitReady(Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Learning Log ended while starting (exit " + process.exitValue()
                        + "); its output:\n" + tail());
            }
            if (readiness() == 200) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("Learning Log was not ready after " + bound + "; its output:\n" + tail());
    }

    String tail() {
        String output = output();
        return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
