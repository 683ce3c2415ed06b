package org.learninglog.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the README's run command takes to serve (issue 20): the launcher jar started as a real
 * process ({@code java -jar}), first on an empty data folder (it loads the demo programme), then
 * again on the same folder, now holding the demo. For each start it prints the seconds from
 * starting the JVM to the first page answering 200 (limit 8 s on an existing store), the process's
 * CPU seconds by then, the seconds the demo took as the launcher reports it (limit 3 s) and those the
 * views then took to catch up on it, whether the
 * line with the URL came after the demo was in, and how many lines of the log are a stack trace and
 * how many are warnings. Asserts nothing.
 * <p>
 * By default it starts what the README's run command starts: {@code launcher/target/app/launcher.jar}
 * (the extracted jar) with {@code -XX:SharedArchiveFile=launcher/target/app/learning-log.jsa} (the
 * class-data archive the build makes). {@code --jar=PATH} starts another jar (the executable one:
 * {@code launcher/target/launcher-0.1.0-SNAPSHOT.jar}), {@code --runs=N} starts on the existing
 * store (default 3), {@code --java-options=...} JVM options for the started process,
 * space-separated, instead of the archive (to try {@code -XX:TieredStopAtLevel=1}; {@code none}
 * for none).
 */
public final class StartBenchmark {

    private static final String RUNNING = "Learning Log is running: open http://localhost:";
    /** The demo's line; how long it took is in it since issue 20 (a jar from before prints no time). */
    private static final Pattern DEMO_TOOK = Pattern.compile("(Loaded|Completed) the demo programme[^\\n]*?(?: in ([0-9.]+) s)?: \\d+ events");
    private static final Pattern VIEWS_TOOK = Pattern.compile("the views caught up in ([0-9.]+) s");
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^(\\s+at \\S+\\(|Caused by: |\\s+\\.\\.\\. \\d+ (common )?frames omitted)");
    private static final Pattern WARNING = Pattern.compile("(?m)^\\S+\\s+(WARN|ERROR) ");
    private static final Duration START_BOUND = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    record Start(String store, double firstPage, double cpuAtFirstPage, double running, String demo, String views, boolean urlAfterDemo,
                 long stackTraceLines, long warnings, double loadBefore) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(option(args, "--jar=", "launcher/target/app/launcher.jar"));
        int runs = Integer.parseInt(option(args, "--runs=", "3"));
        String javaOptions = option(args, "--java-options=", "-XX:SharedArchiveFile=launcher/target/app/learning-log.jsa");
        if (javaOptions.equals("none")) {
            javaOptions = "";
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No launcher jar at " + jar.toAbsolutePath() + ": build it first (see docs/benchmarks.md)");
        }
        Path folder = TemporaryStore.folder("start");
        List<Start> starts = new ArrayList<>();
        starts.add(start(jar, javaOptions, folder, "empty"));
        for (int run = 0; run < runs; run++) {
            starts.add(start(jar, javaOptions, folder, "existing"));
        }
        System.out.printf(Locale.ROOT, "Starts of java %s-jar %s, %d cores%n", javaOptions.isBlank() ? "" : javaOptions + " ",
                jar, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-9s %16s %9s %10s %11s %8s %15s %12s %9s %9s%n", "store", "first page s (8)", "cpu s",
                "running s", "demo s (3)", "views s", "URL after demo", "stack lines", "warnings", "load");
        for (Start s : starts) {
            System.out.printf(Locale.ROOT, "%-9s %16.1f %9.1f %10.1f %11s %8s %15s %12d %9d %9.1f%n", s.store(), s.firstPage(),
                    s.cpuAtFirstPage(), s.running(), s.demo(), s.views(), s.urlAfterDemo() ? "yes" : "NO", s.stackTraceLines(), s.warnings(),
                    s.loadBefore());
        }
        System.exit(0);
    }

    private static Start start(Path jar, String javaOptions, Path folder, String store) throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!javaOptions.isBlank()) {
            command.addAll(Arrays.asList(javaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--learninglog.store.data-dir=" + folder.resolve("data")));
        Path log = Files.createTempFile(folder, "start-" + store, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("MONGODB_URI");
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            double firstPage = -1;
            double cpu = -1;
            double running = -1;
            long deadline = started + START_BOUND.toNanos();
            while (running < 0) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("The " + store + "-store start did not print its URL; its log: " + log);
                }
                if (firstPage < 0 && answers(port)) {
                    firstPage = seconds(started);
                    cpu = process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
                }
                if (Files.readString(log, StandardCharsets.UTF_8).contains(RUNNING)) {
                    running = seconds(started);
                }
                Thread.sleep(firstPage < 0 ? 50 : 20);
            }
            while (firstPage < 0) {
                if (answers(port)) {
                    firstPage = seconds(started);
                    cpu = process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
                }
                Thread.sleep(20);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Matcher demo = DEMO_TOOK.matcher(output);
            boolean loaded = demo.find();
            int demoAt = loaded ? demo.start() : output.indexOf("Demo programme not loaded");
            String took = !loaded ? "(was there)" : demo.group(2) != null ? demo.group(2) : "(no time)";
            Matcher views = VIEWS_TOOK.matcher(output);
            return new Start(store, firstPage, cpu, running, took, views.find() ? views.group(1) : "",
                    demoAt >= 0 && demoAt < output.indexOf(RUNNING), STACK_TRACE.matcher(output).results().count(),
                    WARNING.matcher(output).results().count(), load);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean answers(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String option(String[] args, String prefix, String otherwise) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length()))
                .reduce((first, last) -> last).orElse(otherwise);
    }
}
