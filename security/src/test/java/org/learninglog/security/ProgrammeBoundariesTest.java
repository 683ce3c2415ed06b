package org.learninglog.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing of another programme shows that it exists (404); within one's own, a refusal is 403. */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "learninglog.security.accounts[0].username=member-a",
        "learninglog.security.accounts[0].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[0].programme=prog-1",
        "learninglog.security.accounts[0].roles=PLACE_MEMBER",
        "learninglog.security.accounts[0].places=place-a"})
class ProgrammeBoundariesTest {

    private static final String MEMBER_A = Http.basic("member-a", "probe-secret");

    @LocalServerPort
    int port;

    @Test
    void another_programmes_records_answer_as_unknown() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> read = http.get("/api/programmes/prog-2/probe", MEMBER_A);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.post("/api/programmes/prog-2/places/place-x/probe", MEMBER_A, "{\"text\": \"hi\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void another_place_of_ones_own_programme_is_refused_as_forbidden() throws Exception {
        HttpResponse<String> write = new Http(port).post("/api/programmes/prog-1/places/place-b/probe", MEMBER_A,
                "{\"text\": \"hi\"}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
