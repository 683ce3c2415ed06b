package org.learninglog.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Whether a wrong password takes as long for a user name that exists as for one that does not
 * (issue 18): both sides on an embedded store in a temporary folder; a configured account, a member
 * made through an invitation (a local account in the store), and an unknown name, each sent a wrong
 * password in turn, round after round (the throttle of failures is set out of the way). Prints the
 * median and the 10th and 90th percentiles of each, and asserts nothing.
 * <p>
 * {@code --rounds=N} sets how many attempts each name gets (default 200).
 */
public final class SignInTimingBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_PASSWORD = "a long benchmark password";

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args.length > 0 && args[0].startsWith("--rounds=") ? args[0].substring(9) : "200");
        Path folder = TemporaryStore.folder("sign-in-timing");
        try (ConfigurableApplicationContext app = new SpringApplication(SignInBenchmark.BothSides.class).run(
                "--server.port=0", "--learninglog.demo=off", "--learninglog.store.data-dir=" + folder,
                "--learninglog.security.rate-limit.requests=0", "--learninglog.security.passwords-remembered=0s",
                "--learninglog.security.failed-sign-ins.per-account-and-address.failures=1000000",
                "--learninglog.security.failed-sign-ins.per-address.failures=1000000",
                "--learninglog.security.failed-sign-ins.per-account.failures=1000000",
                "--learninglog.security.accounts[0].username=configured",
                "--learninglog.security.accounts[0].password-hash=" + new BCryptPasswordEncoder().encode(OPERATOR_PASSWORD),
                "--learninglog.security.accounts[0].roles=OPERATOR",
                "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            makeStoredMember(port);
            List<String> names = List.of("configured", "stored", "nobody-by-this-name");
            List<List<Long>> times = new ArrayList<>();
            names.forEach(name -> times.add(new ArrayList<>()));
            for (int warmUp = 0; warmUp < 20; warmUp++) {
                for (String name : names) {
                    wrongPassword(port, name, warmUp);
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < names.size(); i++) {
                    times.get(i).add(wrongPassword(port, names.get(i), round));
                }
            }
            System.out.printf(Locale.ROOT, "Wrong password, %d attempts each, %d cores%n", rounds, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s%n", "user name", "p10 ms", "median", "p90 ms");
            for (int i = 0; i < names.size(); i++) {
                List<Long> sorted = new ArrayList<>(times.get(i));
                Collections.sort(sorted);
                System.out.printf(Locale.ROOT, "%-34s %8.1f %8.1f %8.1f%n", names.get(i), ms(sorted, 0.1), ms(sorted, 0.5), ms(sorted, 0.9));
            }
        }
        System.exit(0);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }

    private static long wrongPassword(int port, String name, int round) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Authorization", basic(name, "not the password " + round)).build();
        long start = System.nanoTime();
        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        long took = System.nanoTime() - start;
        if (status != 401) {
            throw new IllegalStateException(name + " answered " + status + " to a wrong password");
        }
        return took;
    }

    /** A member with a local account in the store: invited by the operator, then accepted. */
    private static void makeStoredMember(int port) throws Exception {
        HttpResponse<String> invited = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/operators/invitations"))
                .header("Authorization", basic("configured", OPERATOR_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"memberId\": \"stored\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String link = JSON.readTree(invited.body()).get("link").asText();
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/invitations/acceptance"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\", \"password\": \"another long benchmark password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 200) {
            throw new IllegalStateException("Could not make the stored member: " + accepted.body());
        }
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
