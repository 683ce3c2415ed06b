package org.learninglog.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** One member over the limit is slowed down with 429 and Retry-After; another is served. */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "learninglog.security.rate-limit.requests=5",
        "learninglog.security.rate-limit.period=1h",
        "learninglog.security.accounts[0].username=busy",
        "learninglog.security.accounts[0].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[0].programme=prog-1",
        "learninglog.security.accounts[0].roles=FUNDER",
        "learninglog.security.accounts[1].username=calm",
        "learninglog.security.accounts[1].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[1].programme=prog-1",
        "learninglog.security.accounts[1].roles=FUNDER"})
class RateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void a_member_over_the_limit_gets_429_with_retry_after_and_another_member_is_served() throws Exception {
        Http http = new Http(port);
        String busy = Http.basic("busy", "probe-secret");
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/programmes/prog-1/probe", busy).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = http.get("/api/programmes/prog-1/probe", busy);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(http.get("/api/programmes/prog-1/probe", Http.basic("calm", "probe-secret")).statusCode()).isEqualTo(200);
    }
}
