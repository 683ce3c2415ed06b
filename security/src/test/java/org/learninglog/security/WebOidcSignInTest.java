package org.learninglog.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI signing in at an OpenID Connect provider (authorization code flow), against a provider
 * played by a real HTTP server: discovery document, keys and token endpoint. The browser's part is
 * played by a client with a cookie jar: it follows our redirect to the provider, and comes back
 * with a code as the provider would send it.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebOidcSignInTest {

    private static final String CLIENT = "learning-log-web";
    private static final RSAKey KEY = key();
    private static final AtomicReference<Map<String, Object>> NEXT_ID_TOKEN = new AtomicReference<>();
    private static final AtomicReference<String> NONCE = new AtomicReference<>();
    private static final HttpServer PROVIDER = provider();

    @LocalServerPort
    int port;

    private HttpClient browser;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("learninglog.security.oidc.issuer-uri", WebOidcSignInTest::issuer);
        registry.add("learninglog.security.oidc.audience", () -> "learning-log-api");
        registry.add("learninglog.security.oidc.client-id", () -> CLIENT);
        registry.add("learninglog.security.oidc.client-secret", () -> "not-a-real-secret");
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop(0);
    }

    @BeforeEach
    void browser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void a_member_signs_in_at_the_provider_and_the_claims_say_who_they_are() throws Exception {
        String back = signInAtProvider(Map.of("aud", List.of(CLIENT), "programme", "prog-1",
                "roles", List.of("PLACE_MEMBER"), "places", List.of("place-a")));
        assertThat(back).doesNotContain("error");
        HttpResponse<String> me = get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"member-7\"").contains("\"programmeId\":\"prog-1\"").contains("place-a");
        assertThat(get("/api/programmes/prog-1/probe").statusCode()).isEqualTo(200);
        assertThat(get("/api/programmes/prog-2/probe").statusCode()).isEqualTo(404);
    }

    @Test
    void an_id_token_for_another_client_signs_nobody_in() throws Exception {
        String back = signInAtProvider(Map.of("aud", List.of("someone-else"), "programme", "prog-1",
                "roles", List.of("ADMIN")));
        assertThat(back).endsWith("/sign-in?error");
        assertThat(get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void the_sign_in_page_leads_to_the_provider() throws Exception {
        HttpResponse<String> page = get("/sign-in");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/learning-log");
    }

    /** Follows the flow as a browser would; returns where the application sends the browser at the end. */
    private String signInAtProvider(Map<String, Object> claims) throws Exception {
        HttpResponse<String> start = get("/oauth2/authorization/learning-log");
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(issuer() + "/authorize");
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo(CLIENT);
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        NONCE.set(query.getFirst("nonce"));
        NEXT_ID_TOKEN.set(claims);
        String callback = java.net.URLDecoder.decode(query.getFirst("redirect_uri"), StandardCharsets.UTF_8)
                + "?code=" + UUID.randomUUID() + "&state=" + query.getFirst("state");
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
        return landed.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- the provider -------------------------------------------------------------------------------

    private static String issuer() {
        return "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/realm";
    }

    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realm/.well-known/openid-configuration", exchange -> json(exchange, """
                    {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                     "jwks_uri": "%1$s/certs", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer())));
            server.createContext("/realm/certs", exchange -> json(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.createContext("/realm/token", exchange -> {
                exchange.getRequestBody().readAllBytes();
                json(exchange, """
                        {"access_token": "%s", "token_type": "Bearer", "expires_in": 300, "id_token": "%s"}"""
                        .formatted(UUID.randomUUID(), idToken(NEXT_ID_TOKEN.get())));
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idToken(Map<String, Object> claims) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder token = new JWTClaimsSet.Builder().issuer(issuer()).subject("member-7")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", NONCE.get());
            claims.forEach(token::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), token.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
