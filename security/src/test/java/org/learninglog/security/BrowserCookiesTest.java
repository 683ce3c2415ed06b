package org.learninglog.security;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser is given to keep: cookies sent with other sites' requests only when they navigate
 * here (SameSite=Lax), marked Secure when the request came over TLS (here told by the trusted local
 * proxy's X-Forwarded-Proto), a CSRF token good for its session only, and a Permissions-Policy.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "learninglog.security.accounts[0].username=member-a",
        "learninglog.security.accounts[0].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[0].programme=prog-1",
        "learninglog.security.accounts[0].roles=PLACE_MEMBER",
        "learninglog.security.accounts[0].places=place-a"})
class BrowserCookiesTest {

    private static final String WRITE = "/api/programmes/prog-1/places/place-a/probe";

    @LocalServerPort
    int port;

    @Test
    void session_and_csrf_cookies_are_same_site_lax_and_secure_over_tls() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(uri("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> cookies = plain.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="))
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure"));

        HttpResponse<String> overTls = client.send(HttpRequest.newBuilder(uri("/sign-in"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overTls.headers().allValues("Set-Cookie")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void a_csrf_token_the_client_made_up_is_refused_even_when_cookie_and_header_agree() throws Exception {
        CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(uri("/sign-in")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=member-a&password=probe-secret&_csrf="
                        + URLEncoder.encode(token(jar), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        browser.send(HttpRequest.newBuilder(uri("/api/me")).GET().build(), HttpResponse.BodyHandlers.ofString());

        // What a neighbouring site could plant: a cookie of its choosing, and the same value in the header.
        HttpCookie planted = new HttpCookie("XSRF-TOKEN", "planted-by-a-neighbour");
        planted.setPath("/");
        jar.getCookieStore().add(uri("/"), planted);
        HttpResponse<String> forged = post(browser, "planted-by-a-neighbour");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        jar.getCookieStore().remove(uri("/"), planted);
        assertThat(post(browser, token(jar)).statusCode()).isEqualTo(200);
    }

    @Test
    void pages_and_the_api_deny_the_browsers_powerful_features() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/sign-in", "/api/me")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("camera=()").contains("microphone=()").contains("geolocation=()"));
        }
    }

    private HttpResponse<String> post(HttpClient browser, String csrf) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(WRITE)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hello\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(CookieManager jar) {
        return jar.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
