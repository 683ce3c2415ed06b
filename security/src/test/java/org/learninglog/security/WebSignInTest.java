package org.learninglog.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's way in, over real HTTP with a cookie jar as a browser keeps one: a sign-in form, a
 * session, and writes that must carry the CSRF token of the {@code XSRF-TOKEN} cookie.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "learninglog.security.accounts[0].username=member-a",
        "learninglog.security.accounts[0].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[0].programme=prog-1",
        "learninglog.security.accounts[0].roles=PLACE_MEMBER",
        "learninglog.security.accounts[0].places=place-a"})
class WebSignInTest {

    /** What a browser asks for when it follows a form: without it Spring answers sign-out with 204 for scripts. */
    private static final String BROWSER_ACCEPTS = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String WRITE = "/api/programmes/prog-1/places/place-a/probe";

    @LocalServerPort
    int port;

    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void browser() {
        cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void a_member_signs_in_with_the_form_and_writes_with_the_csrf_token() throws Exception {
        signIn("probe-secret");
        assertThat(send("GET", "/api/me", null, null).body()).contains("\"id\":\"member-a\"").contains("place-a");

        HttpResponse<String> withoutToken = send("POST", WRITE, "{\"text\": \"hello\"}", null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("\"status\":403").doesNotContain("\"properties\"");

        HttpResponse<String> withToken = send("POST", WRITE, "{\"text\": \"hello\"}", csrfToken());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(withToken.body()).contains("member-a");
    }

    @Test
    void a_wrong_password_goes_back_to_the_form_and_signs_nobody_in() throws Exception {
        HttpResponse<String> answer = signInAnswer("not-the-password");
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/sign-in?error"));
        assertThat(send("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        signIn("probe-secret");
        // Signing in replaces the token (the old one is void); the next page or call brings the new one.
        assertThat(send("GET", "/api/me", null, null).statusCode()).isEqualTo(200);
        HttpRequest form = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-out"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPTS)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> out = browser.send(form, HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/sign-in?signed-out"));
        assertThat(send("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void the_pages_scripts_get_a_401_without_a_basic_challenge_so_no_browser_password_box_appears() throws Exception {
        HttpRequest fromPage = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                .header("X-Requested-With", "XMLHttpRequest").GET().build();
        HttpResponse<String> answer = browser.send(fromPage, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(send("GET", "/api/me", null, null).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void a_write_a_browser_marks_as_cross_site_is_refused_even_with_basic_credentials() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + WRITE))
                .header("Content-Type", "application/json")
                .header("Authorization", Http.basic("member-a", "probe-secret"))
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"forged\"}")).build();
        assertThat(browser.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void pages_carry_a_content_security_policy_that_allows_nothing_from_elsewhere() throws Exception {
        HttpResponse<String> page = send("GET", "/sign-in", null, null);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private void signIn(String password) throws Exception {
        HttpResponse<String> answer = signInAnswer(password);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
    }

    private HttpResponse<String> signInAnswer(String password) throws Exception {
        send("GET", "/sign-in", null, null); // the page, which sets the XSRF-TOKEN cookie
        String form = "username=member-a&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPTS)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private HttpResponse<String> send(String method, String path, String json, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
