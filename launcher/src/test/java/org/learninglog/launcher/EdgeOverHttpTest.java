package org.learninglog.launcher;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application's edge as a hostile client or a printer meets it: a forged {@code Host} header
 * finds its way into no link the application writes, and the printable report is styled under its
 * own Content-Security-Policy. Raw HTTP over a socket, since Java's HTTP client will not forge a Host.
 */
@LearningLogIntegrationTest
class EdgeOverHttpTest {

    private static final String FORGED_HOST = "evil.example";
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString(
            ("operator:" + SignedInAsOperator.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Test
    void the_location_of_something_created_names_the_public_address_not_the_host_header() throws IOException {
        String answer = raw("POST /api/programmes HTTP/1.1\r\nHost: " + FORGED_HOST + "\r\nAuthorization: " + OPERATOR
                + "\r\nContent-Type: application/json\r\n", "{\"name\": \"Hosted\"}");
        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(header(answer, "Location")).startsWith("http://localhost:" + port + "/api/programmes/");
        assertThat(answer).doesNotContain(FORGED_HOST);
    }

    @Test
    void the_sign_in_redirect_names_the_public_address() throws IOException {
        String page = raw("GET /sign-in HTTP/1.1\r\nHost: localhost\r\n", null);
        String session = cookie(page, "JSESSIONID");
        String csrf = cookie(page, "XSRF-TOKEN");
        String answer = raw("POST /sign-in HTTP/1.1\r\nHost: " + FORGED_HOST + "\r\nCookie: JSESSIONID=" + session
                + "; XSRF-TOKEN=" + csrf + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                "username=operator&password=wrong&_csrf=" + csrf);
        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(header(answer, "Location")).isEqualTo("http://localhost:" + port + "/sign-in?error");
    }

    @Test
    void the_openapi_description_names_the_public_address_as_its_server() throws IOException {
        String answer = raw("GET /v3/api-docs HTTP/1.1\r\nHost: " + FORGED_HOST + "\r\n", null);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("http://localhost:" + port).doesNotContain(FORGED_HOST);
    }

    @Test
    void the_printable_report_allows_its_own_style_by_hash() throws Exception {
        Api api = new Api(http);
        String place = api.registerPlace("Printwell");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/places/" + place + "/journey").status().is2xxSuccessful());
        String answer = raw("GET /api/places/" + place + "/journey/report HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + OPERATOR + "\r\n", null);
        assertThat(answer).startsWith("HTTP/1.1 200");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(answer);
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(header(answer, "Content-Security-Policy")).contains("style-src 'sha256-" + hash + "'")
                .contains("default-src 'none'").doesNotContain("unsafe-inline");
    }

    /** One request with {@code Connection: close}; the whole answer, headers and body. */
    private String raw(String head, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String header(String answer, String name) {
        Matcher found = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *(.*?)\\r?$").matcher(answer);
        return found.find() ? found.group(1) : "";
    }

    private static String cookie(String answer, String name) {
        Matcher found = Pattern.compile("(?im)^Set-Cookie: *" + Pattern.quote(name) + "=([^;\\r\\n]*)").matcher(answer);
        assertThat(found.find()).as("%s cookie in %s", name, answer).isTrue();
        return found.group(1);
    }
}
