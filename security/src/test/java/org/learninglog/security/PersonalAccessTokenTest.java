package org.learninglog.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens over real HTTP, kept in a real MongoDB wire server: made by a member signed
 * in with their password, shown once, used as a bearer token, limited by scope, revoked at once.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "learninglog.security.accounts[0].username=member-a",
        "learninglog.security.accounts[0].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[0].programme=prog-1",
        "learninglog.security.accounts[0].roles=PLACE_MEMBER",
        "learninglog.security.accounts[0].places=place-a",
        "learninglog.security.accounts[1].username=member-b",
        "learninglog.security.accounts[1].password-hash=$2a$10$Q1X4AkyP408BUlTBZJUaZucUE7HlfUKYeo6fPLjRXVezurLh7B9Zq",
        "learninglog.security.accounts[1].programme=prog-1",
        "learninglog.security.accounts[1].roles=PLACE_MEMBER",
        "learninglog.security.accounts[1].places=place-b"})
class PersonalAccessTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEMBER_A = Http.basic("member-a", "probe-secret");
    private static final String READ = "/api/programmes/prog-1/probe";
    private static final String WRITE = "/api/programmes/prog-1/places/place-a/probe";

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void a_token_is_shown_once_acts_for_its_member_and_is_kept_only_as_its_digest() throws Exception {
        HttpResponse<String> issued = http().post("/api/me/tokens", MEMBER_A, "{\"name\": \"nightly export\", \"scope\": \"write\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(issued.body());
        String token = body.path("token").asText();
        assertThat(token).startsWith("ll_pat_").hasSizeGreaterThan(40);
        assertThat(issued.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/me/tokens/" + body.path("id").asText()));
        HttpResponse<String> located = http().get("/api/me/tokens/" + body.path("id").asText(), MEMBER_A);
        assertThat(located.statusCode()).isEqualTo(200);
        assertThat(located.body()).contains("nightly export").doesNotContain(token);
        assertThat(http().get("/api/me/tokens/" + body.path("id").asText(), Http.basic("member-b", "probe-secret")).statusCode())
                .isEqualTo(404);

        HttpResponse<String> read = http().get(READ, bearer(token));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("member-a");
        assertThat(http().post(WRITE, bearer(token), "{\"text\": \"from a script\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> listed = http().get("/api/me/tokens", MEMBER_A);
        assertThat(listed.body()).contains("nightly export").contains("\"scope\":\"write\"").doesNotContain(token);
        Document kept = database.getCollection("personal_access_tokens").find(new Document("_id", sha256(token))).first();
        assertThat(kept).isNotNull();
        assertThat(kept.toJson()).doesNotContain(token.substring("ll_pat_".length()));
        assertThat(kept.getString("member")).isEqualTo("member-a");
    }

    @Test
    void a_read_token_reads_and_may_not_write() throws Exception {
        String token = issue(MEMBER_A, "read");
        assertThat(http().get(READ, bearer(token)).statusCode()).isEqualTo(200);
        HttpResponse<String> write = http().post(WRITE, bearer(token), "{\"text\": \"not allowed\"}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send("DELETE", "/api/me/tokens/whatever", bearer(token)).statusCode()).isEqualTo(403);
    }

    @Test
    void a_revoked_token_is_refused_at_once() throws Exception {
        HttpResponse<String> issued = http().post("/api/me/tokens", MEMBER_A, "{\"name\": \"laptop\", \"scope\": \"read\"}");
        JsonNode body = JSON.readTree(issued.body());
        String token = body.path("token").asText();
        assertThat(http().get(READ, bearer(token)).statusCode()).isEqualTo(200);

        assertThat(send("DELETE", "/api/me/tokens/" + body.path("id").asText(), MEMBER_A).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = http().get(READ, bearer(token));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http().get("/api/me/tokens", MEMBER_A).body()).contains("\"revoked\":true");
    }

    @Test
    void a_member_cannot_revoke_another_members_token_and_an_unknown_token_signs_nobody_in() throws Exception {
        HttpResponse<String> issued = http().post("/api/me/tokens", MEMBER_A, "{\"name\": \"mine\", \"scope\": \"read\"}");
        String id = JSON.readTree(issued.body()).path("id").asText();
        HttpResponse<String> notTheirs = send("DELETE", "/api/me/tokens/" + id, Http.basic("member-b", "probe-secret"));
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.body()).contains("\"field\":\"id\"");
        assertThat(http().get(READ, bearer("ll_pat_made-up")).statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_cannot_make_another_token() throws Exception {
        String token = issue(MEMBER_A, "write");
        HttpResponse<String> refused = http().post("/api/me/tokens", bearer(token), "{\"name\": \"offspring\", \"scope\": \"write\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_request_for_a_token_names_the_field_at_fault() throws Exception {
        HttpResponse<String> noScope = http().post("/api/me/tokens", MEMBER_A, "{\"name\": \"x\", \"scope\": \"admin\"}");
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(noScope.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noScope.body()).contains("\"field\":\"scope\"");
        HttpResponse<String> noName = http().post("/api/me/tokens", MEMBER_A, "{\"scope\": \"read\"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("\"field\":\"name\"");
    }

    private String issue(String authorization, String scope) throws Exception {
        HttpResponse<String> issued = http().post("/api/me/tokens", authorization,
                "{\"name\": \"a token\", \"scope\": \"" + scope + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JSON.readTree(issued.body()).path("token").asText();
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Http http() {
        return new Http(port);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
