package org.learninglog.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What sign-in costs (issue 15): both sides in this process on an embedded store in a temporary
 * folder, 8 clients calling {@code GET /api/me} for a fixed time with HTTP Basic checked by bcrypt on
 * every request (as before), with Basic as it is now (a verified password remembered), and with a
 * personal access token; then a flood of wrong passwords while one member's client measures its
 * latency. Prints figures beside their targets and asserts nothing.
 * <p>
 * {@code --seconds=N} sets each phase's length (default 10).
 */
public final class SignInBenchmark {

    private static final String MEMBER = "bench";
    private static final String PASSWORD = "a long benchmark password";
    private static final int CLIENTS = 8;
    private static final int FLOODERS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Both sides, as the launcher runs them, without the web pages. */
    @SpringBootApplication
    @Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
    static class BothSides {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(option(args, "--seconds=", "10")));
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        String basic = "Basic " + Base64.getEncoder().encodeToString((MEMBER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "Sign-in benchmark: %d clients, %d s a phase, %d cores%n", CLIENTS, phase.toSeconds(),
                Runtime.getRuntime().availableProcessors());

        double bcryptEach;
        try (ConfigurableApplicationContext app = start(hash, "0s")) {
            bcryptEach = throughput(port(app), basic, phase);
        }
        try (ConfigurableApplicationContext app = start(hash, "5m")) {
            int port = port(app);
            double remembered = throughput(port, basic, phase);
            double token = throughput(port, "Bearer " + issueToken(port, basic), phase);
            System.out.printf(Locale.ROOT, "%-46s %10s %12s%n", "GET /api/me", "requests/s", "target");
            System.out.printf(Locale.ROOT, "%-46s %10.0f %12s%n", "Basic, bcrypt on every request (as before)", bcryptEach, "");
            System.out.printf(Locale.ROOT, "%-46s %10.0f %12s%n", "Basic, verified password remembered", remembered, "");
            System.out.printf(Locale.ROOT, "%-46s %10.0f %12s%n", "personal access token", token, "");
            System.out.printf(Locale.ROOT, "%-46s %10.1f %12s%n", "token / Basic with bcrypt every request", token / bcryptEach, ">= 50");
            flood(port, basic, phase);
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(String hash, String remembered) throws Exception {
        Path folder = TemporaryStore.folder("sign-in-benchmark");
        return new SpringApplication(BothSides.class).run("--server.port=0", "--learninglog.demo=off",
                "--learninglog.store.data-dir=" + folder, "--learninglog.security.rate-limit.requests=0",
                "--learninglog.security.passwords-remembered=" + remembered,
                "--learninglog.security.accounts[0].username=" + MEMBER,
                "--learninglog.security.accounts[0].password-hash=" + hash,
                "--learninglog.security.accounts[0].roles=OPERATOR",
                "--logging.level.root=warn", "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static String issueToken(int port, String basic) throws Exception {
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"benchmark\", \"scope\": \"read\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("No token: " + issued.statusCode() + " " + issued.body());
        }
        return JSON.readTree(issued.body()).path("token").asText();
    }

    /** Requests per second of {@value #CLIENTS} clients, after a short warm-up. */
    private static double throughput(int port, String authorization, Duration phase) throws Exception {
        run(port, authorization, Duration.ofSeconds(2), new LongAdder());
        LongAdder served = new LongAdder();
        long started = System.nanoTime();
        run(port, authorization, phase, served);
        return served.sum() / ((System.nanoTime() - started) / 1e9);
    }

    private static void run(int port, String authorization, Duration length, LongAdder served)
            throws InterruptedException {
        long until = System.nanoTime() + length.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(started(() -> {
                while (System.nanoTime() < until) {
                    if (get(port, authorization) == 200) {
                        served.increment();
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    /** Wrong passwords from {@value #FLOODERS} threads, as fast as they are answered, while one member works. */
    private static void flood(int port, String basic, Duration phase) throws InterruptedException {
        AtomicBoolean flooding = new AtomicBoolean(true);
        LongAdder refused = new LongAdder();
        LongAdder throttled = new LongAdder();
        List<Thread> flooders = new ArrayList<>();
        for (int i = 0; i < FLOODERS; i++) {
            int flooder = i;
            flooders.add(started(() -> {
                long attempt = 0;
                while (flooding.get()) {
                    String wrong = "Basic " + Base64.getEncoder().encodeToString((MEMBER + ":guess-" + flooder + "-" + attempt++)
                            .getBytes(StandardCharsets.UTF_8));
                    int status = get(port, wrong);
                    (status == 429 ? throttled : refused).increment();
                }
            }));
        }
        List<Long> latencies = new ArrayList<>();
        long until = System.nanoTime() + phase.toNanos();
        int failed = 0;
        while (System.nanoTime() < until) {
            long start = System.nanoTime();
            if (get(port, basic) != 200) {
                failed++;
            }
            latencies.add(System.nanoTime() - start);
            Thread.sleep(5);
        }
        flooding.set(false);
        for (Thread flooder : flooders) {
            flooder.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%nFlood: %d threads of wrong passwords for %s: %d answered 401 (bcrypt ran), %d answered 429 (it did not)%n",
                FLOODERS, MEMBER, refused.sum(), throttled.sum());
        System.out.printf(Locale.ROOT, "%-46s %10s %12s%n", "the member's GET /api/me meanwhile", "ms", "target");
        System.out.printf(Locale.ROOT, "%-46s %10.1f %12s%n", "p50", percentile(sorted, 0.50), "");
        System.out.printf(Locale.ROOT, "%-46s %10.1f %12s%n", "p99", percentile(sorted, 0.99), "< 200");
        System.out.printf(Locale.ROOT, "%-46s %10d %12s%n", "requests (not served: " + failed + ")", sorted.size(), "");
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    private static int get(int port, String authorization) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String option(String[] args, String name, String otherwise) {
        for (String arg : args) {
            if (arg.startsWith(name)) {
                return arg.substring(name.length());
            }
        }
        return otherwise;
    }
}
