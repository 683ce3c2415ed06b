package org.learninglog.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processes behind a proxy that sends each request anywhere: a member signs in to the web UI
 * through one process, and the next requests of the same browser, reads and a write with its CSRF
 * token, are answered by another, as that member. Two real JVMs on one store: the first serves the
 * embedded store, the second reaches it by its URI.
 */
class SessionsSharedByProcessesTest {

    private static final Pattern COOKIE = Pattern.compile("([A-Z-]+SESSIONID|XSRF-TOKEN)=([^;]*)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_sign_in_through_one_process_is_known_to_the_other(@TempDir Path data) throws Exception {
        int storePort = freePort();
        try (LearningLogProcess first = LearningLogProcess.start(data.resolve("first"), Map.of(),
                "--learninglog.store.embedded-port=" + storePort);
             LearningLogProcess second = LearningLogProcess.start(data.resolve("second"),
                     Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + storePort + "/learninglog"))) {

            // The sign-in page and its form, through the first process
            HttpResponse<String> page = send(first.base(), "GET", "/sign-in", null, null, null);
            String session = cookie(page, "JSESSIONID");
            String csrf = cookie(page, "XSRF-TOKEN");
            HttpResponse<String> signIn = send(first.base(), "POST", "/sign-in",
                    "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf,
                    "application/x-www-form-urlencoded",
                    "username=riverside&password=" + URLEncoder.encode(Client.PASSWORD, StandardCharsets.UTF_8)
                            + "&_csrf=" + csrf);
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            String signedIn = cookieOr(signIn, "JSESSIONID", session);

            // The same browser, answered by the second process: who it is, and a read
            HttpResponse<String> me = send(second.base(), "GET", "/api/me", "JSESSIONID=" + signedIn, null, null);
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"riverside\"");

            // A write through the second process, with the session's CSRF token read from the first
            HttpResponse<String> token = send(first.base(), "GET", "/api/me", "JSESSIONID=" + signedIn, null, null);
            String csrfNow = cookieOr(token, "XSRF-TOKEN", csrf);
            HttpResponse<String> write = send(second.base(), "POST", "/api/me/tokens",
                    "JSESSIONID=" + signedIn + "; XSRF-TOKEN=" + csrfNow, "application/json",
                    "{\"name\": \"from the other process\", \"scope\": \"read\"}", csrfNow);
            assertThat(write.statusCode()).as(write.body()).isEqualTo(201);

            // Without the session, the second process knows nobody
            assertThat(send(second.base(), "GET", "/api/me", null, null, null).statusCode()).isEqualTo(401);
        }
    }

    private HttpResponse<String> send(URI base, String method, String path, String cookies, String type, String body)
            throws Exception {
        return send(base, method, path, cookies, type, body, null);
    }

    private HttpResponse<String> send(URI base, String method, String path, String cookies, String type, String body,
                                      String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("X-Requested-With", "XMLHttpRequest")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> answer, String name) {
        String value = cookieOr(answer, name, null);
        assertThat(value).as("the cookie " + name + " in " + answer.headers().allValues("Set-Cookie")).isNotNull();
        return value;
    }

    private static String cookieOr(HttpResponse<String> answer, String name, String otherwise) {
        for (String set : answer.headers().allValues("Set-Cookie")) {
            Matcher m = COOKIE.matcher(set);
            if (m.find() && m.group(1).equals(name) && !m.group(2).isEmpty()) {
                return m.group(2);
            }
        }
        return otherwise;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
