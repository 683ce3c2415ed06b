package org.learninglog.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies against the real security edge over real HTTP, signed in with local accounts:
 * each is refused with a 4xx problem+json, quickly, and never reaches the handler.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "learninglog.security.max-body=1KB",
        "learninglog.security.rate-limit.requests=1000",
        "learninglog.security.accounts[0].username=member-a",
        "learninglog.security.accounts[0].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[0].programme=prog-1",
        "learninglog.security.accounts[0].roles=PLACE_MEMBER",
        "learninglog.security.accounts[0].places=place-a"})
class HostileInputTest {

    private static final String MEMBER_A = Http.basic("member-a", "probe-secret");
    private static final String PATH = "/api/programmes/prog-1/places/place-a/probe";

    @LocalServerPort
    int port;

    private HttpResponse<String> post(String json) throws Exception {
        return new Http(port).post(PATH, MEMBER_A, json);
    }

    @Test
    void a_body_within_the_cap_is_served() throws Exception {
        String text = "x".repeat(1024 - "{\"text\":\"\"}".length());
        HttpResponse<String> response = post("{\"text\":\"" + text + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void a_body_one_byte_over_the_cap_is_refused_with_413() throws Exception {
        String text = "x".repeat(1025 - "{\"text\":\"\"}".length());
        HttpResponse<String> response = post("{\"text\":\"" + text + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_one_megabyte_string_is_refused() throws Exception {
        HttpResponse<String> response = post("{\"text\":\"" + "y".repeat(1 << 20) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused_with_400() throws Exception {
        StringBuilder deep = new StringBuilder("{\"text\":\"a\",\"replies\":[");
        for (int i = 0; i < 20; i++) {
            deep.append("{\"text\":\"a\",\"replies\":[");
        }
        deep.append("]}".repeat(20)).append("]}");
        HttpResponse<String> response = post(deep.toString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("\"member\"");
    }

    @Test
    void a_dollar_key_is_refused_and_named() throws Exception {
        HttpResponse<String> response = post("{\"text\":\"a\",\"$where\":\"sleep(1000)\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("\"member\"");
    }

    @Test
    void a_dotted_key_is_refused() throws Exception {
        HttpResponse<String> response = post("{\"text\":\"a\",\"replies.0\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void bidirectional_controls_in_a_string_are_refused() throws Exception {
        HttpResponse<String> response = post("{\"text\":\"Riverside \u202Eedisrevir\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("\"member\"");
    }
}
