package org.learninglog.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keycloak's server distribution run as a child process: {@code kc.sh start-dev} on 127.0.0.1 and
 * a free port, with its own H2 database under the distribution's {@code data/} (emptied first), and
 * the Learning Log realm of {@code docker/keycloak} imported, with what only a test adds: the
 * application's redirect address on its test port, and the test's people with passwords made for
 * this run. Stopped (the process and anything it started) by {@link #close()}.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "learning-log";
    // Generous: alone on two cores it serves the realm in about 40 s, but on a machine shared with other builds it took over 4 minutes.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param people       user name to password, for the realm's users
     * @param clientSecret the web client's secret (the realm file reads it from the environment)
     * @param redirect     the application's redirect address, added to the web client's
     */
    static KeycloakServer start(Path home, Path javaHome, Path realmFile, Map<String, String> people, String clientSecret,
                                String redirect, Path log) throws IOException, InterruptedException {
        deleteRecursively(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
        for (JsonNode client : realm.withArray("clients")) {
            if ("learning-log-web".equals(client.path("clientId").asText())) {
                ((ArrayNode) client.get("redirectUris")).add(redirect);
            }
        }
        ArrayNode users = realm.putArray("users");
        people.forEach((name, password) -> {
            ObjectNode user = users.addObject().put("username", name).put("enabled", true)
                    .put("email", name + "@example.org").put("emailVerified", true)
                    .put("firstName", name).put("lastName", "Tester");
            user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        });
        JSON.writeValue(imports.resolve(REALM + "-realm.json").toFile(), realm);

        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA_OPTS_APPEND", "-Dnet.bytebuddy.experimental=true");
        builder.environment().put("LEARNING_LOG_WEB_CLIENT_SECRET", clientSecret);
        KeycloakServer server = new KeycloakServer(builder.start(), port);
        try {
            server.awaitRealm(log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    long pid() {
        return process.pid();
    }

    /** An access token for the person, by the direct grant of the realm's client for scripts. */
    String accessToken(String user, String password) throws IOException, InterruptedException {
        String form = Stream.of(Map.entry("grant_type", "password"), Map.entry("client_id", "learning-log-cli"),
                        Map.entry("username", user), Map.entry("password", password), Map.entry("scope", "openid"))
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak gave no token for " + user + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private void awaitRealm(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped with " + process.exitValue() + "; its output: " + tail(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT + "; its output: " + tail(log));
    }

    /** Stops Keycloak and whatever it started, and waits until they are gone. */
    @Override
    public void close() throws InterruptedException {
        var children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(gone -> child).join();
        }
    }

    boolean running() {
        return process.isAlive() || process.descendants().anyMatch(ProcessHandle::isAlive);
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
