package org.learninglog.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through an OpenID Connect provider, whose signing keys a real HTTP server publishes.
 * A good token is served; each forged, stale or misdirected one is refused.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtSignInTest {

    private static final String ISSUER = "https://id.example.test/realms/learning-log";
    private static final String AUDIENCE = "learning-log-api";
    private static final RSAKey SIGNING_KEY = generate();
    private static final HttpServer PROVIDER = publish(SIGNING_KEY);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("learninglog.security.oidc.issuer-uri", () -> ISSUER);
        registry.add("learninglog.security.oidc.audience", () -> AUDIENCE);
        registry.add("learninglog.security.oidc.jwk-set-uri",
                () -> "http://localhost:" + PROVIDER.getAddress().getPort() + "/certs");
        registry.add("learninglog.security.oidc.clock-skew", () -> "30s");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    private int status(String token) throws Exception {
        var response = new Http(port).get("/api/programmes/prog-1/probe", "Bearer " + token);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        return response.statusCode();
    }

    @Test
    void a_good_token_for_the_programme_is_served() throws Exception {
        assertThat(status(signed(claims -> { }))).isEqualTo(200);
    }

    @Test
    void no_token_is_401() throws Exception {
        assertThat(new Http(port).get("/api/programmes/prog-1/probe", null).statusCode()).isEqualTo(401);
    }

    @Test
    void an_unsigned_token_with_alg_none_is_refused() throws Exception {
        PlainJWT unsigned = new PlainJWT(claims(claims -> { }));
        assertThat(status(unsigned.serialize())).isEqualTo(401);
    }

    @Test
    void a_token_signed_with_hmac_using_the_public_key_as_secret_is_refused() throws Exception {
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(SIGNING_KEY.getKeyID()).build(),
                claims(claims -> { }));
        byte[] publicKey = SIGNING_KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        confused.sign(new MACSigner(publicKey));
        assertThat(status(confused.serialize())).isEqualTo(401);
    }

    @Test
    void a_token_signed_by_another_key_is_refused() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING_KEY.getKeyID()).build(),
                claims(claims -> { }));
        forged.sign(new RSASSASigner(generate()));
        assertThat(status(forged.serialize())).isEqualTo(401);
    }

    @Test
    void a_token_expired_within_the_allowed_skew_is_still_served() throws Exception {
        assertThat(status(signed(claims -> claims
                .issueTime(Date.from(Instant.now().minusSeconds(310))).expirationTime(Date.from(Instant.now().minusSeconds(10)))))).isEqualTo(200);
    }

    @Test
    void a_token_expired_past_the_allowed_skew_is_refused() throws Exception {
        assertThat(status(signed(claims -> claims
                .issueTime(Date.from(Instant.now().minusSeconds(420))).expirationTime(Date.from(Instant.now().minusSeconds(120)))))).isEqualTo(401);
    }

    @Test
    void a_token_from_another_issuer_is_refused() throws Exception {
        assertThat(status(signed(claims -> claims.issuer("https://elsewhere.example.test/")))).isEqualTo(401);
    }

    @Test
    void a_token_for_another_audience_is_refused() throws Exception {
        assertThat(status(signed(claims -> claims.audience("some-other-api")))).isEqualTo(401);
    }

    @Test
    void a_token_for_another_programme_finds_nothing_there() throws Exception {
        assertThat(status(signed(claims -> claims.claim("programme", "prog-2")))).isEqualTo(404);
    }

    private static String signed(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING_KEY.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims(change));
        jwt.sign(new RSASSASigner(SIGNING_KEY));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("funder-7")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("programme", "prog-1")
                .claim("roles", List.of("funder"));
        change.accept(claims);
        return claims.build();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer publish(RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
