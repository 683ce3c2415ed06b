package org.learninglog.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords are counted per account and address, per address, and per account; past a count,
 * attempts wait (429 with Retry-After) without their password being checked. Client addresses are
 * told by X-Forwarded-For, which this server takes from the local proxy it trusts, as one behind a
 * reverse proxy would. Verified passwords are not remembered here, so every attempt is one the
 * throttle decides on.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native",
        "learninglog.security.passwords-remembered=0s",
        "learninglog.security.failed-sign-ins.per-account-and-address.failures=3",
        "learninglog.security.failed-sign-ins.per-address.failures=6",
        "learninglog.security.failed-sign-ins.per-account.failures=8",
        "learninglog.security.accounts[0].username=hammered",
        "learninglog.security.accounts[0].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[0].programme=prog-1",
        "learninglog.security.accounts[0].roles=FUNDER",
        "learninglog.security.accounts[1].username=guessed",
        "learninglog.security.accounts[1].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[1].programme=prog-1",
        "learninglog.security.accounts[1].roles=FUNDER",
        "learninglog.security.accounts[2].username=sprayed",
        "learninglog.security.accounts[2].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[2].programme=prog-1",
        "learninglog.security.accounts[2].roles=FUNDER"})
class FailedSignInTest {

    private static final String PROBE = "/api/programmes/prog-1/probe";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void after_a_few_wrong_passwords_even_the_right_one_waits_with_retry_after() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("guessed", "wrong-" + i, "198.51.100.1").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> waiting = get("guessed", "probe-secret", "198.51.100.1");
        assertThat(waiting.statusCode()).isEqualTo(429);
        assertThat(waiting.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(waiting.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(waiting.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void one_address_trying_many_accounts_waits_too() throws Exception {
        for (int i = 0; i < 6; i++) {
            get("nobody-" + i, "wrong", "198.51.100.2");
        }
        assertThat(get("sprayed", "probe-secret", "198.51.100.2").statusCode()).isEqualTo(429);
        assertThat(get("sprayed", "probe-secret", "198.51.100.3").statusCode()).isEqualTo(200);
    }

    @Test
    void an_attack_on_a_members_name_from_elsewhere_does_not_lock_them_out_where_they_signed_in_before() throws Exception {
        assertThat(get("hammered", "probe-secret", "192.0.2.10").statusCode()).isEqualTo(200);
        for (int i = 0; i < 8; i++) {
            get("hammered", "wrong", "203.0.113." + i);
        }
        // The member's own address is known for the account: there only its own count applies.
        assertThat(get("hammered", "probe-secret", "192.0.2.10").statusCode()).isEqualTo(200);
        // The bound the design accepts: a first sign-in from a new address waits while the attack lasts.
        assertThat(get("hammered", "probe-secret", "192.0.2.99").statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> get(String user, String password, String address) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PROBE))
                .header("Authorization", Http.basic(user, password)).header("X-Forwarded-For", address).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
