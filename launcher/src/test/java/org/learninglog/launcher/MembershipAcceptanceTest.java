package org.learninglog.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learninglog.launcher.api.DescribedTraffic;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People and access from a clean start, as a new user would meet them: an empty store with the
 * demo off, where no account with a known password exists; the console's one-time set-up link makes
 * the operator; the operator registers a programme and invites its administrator; the administrator
 * invites a member of place A, a learning partner and a funder; each signs in with the password
 * they chose and may do what their role allows and nothing more; a role revoked or a member removed
 * counts from the next request, without a restart; the audit answers who could write for place A.
 * No password, link secret or e-mail address reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MembershipAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("accept-invitation.html#token=(ll_inv_[A-Za-z0-9_-]+)");
    private static final String PROGRAMME = "northshore";
    private static final String PLACE_A = "northshore-a";
    private static final String PLACE_B = "northshore-b";

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> passwords = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private int port;

    @Test
    void from_an_empty_store_the_set_up_link_makes_the_operator_who_lets_in_a_programme_whose_members_hold_their_roles(
            CapturedOutput output) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LearningLogApplication.class).run(
                "--learninglog.store.uri=", "--learninglog.store.data-dir=" + dataDir, "--server.port=0",
                "--learninglog.demo=off", "--learninglog.security.rate-limit.requests=0")) {
            port = ((WebServerApplicationContext) app).getWebServer().getPort();

            // No account with a known password: the demo's operator is not there.
            assertThat(call("operator", "learning-log-demo", "GET", "/api/me", null).status).isEqualTo(401);

            // The console's set-up link, followed once.
            Matcher printed = LINK.matcher(output.getOut());
            assertThat(printed.find()).as("a set-up link on the console").isTrue();
            String setUp = printed.group(1);
            secrets.add(setUp);
            assertThat(call(null, null, "POST", "/api/invitations/acceptance",
                    body("token", setUp, "password", "1qaz2wsx3edc")).status).as("a common password").isEqualTo(422);
            String operatorPassword = accept(setUp, "operator");
            assertThat(call(null, null, "POST", "/api/invitations/acceptance",
                    body("token", setUp, "password", "another long passphrase")).status).as("used twice").isEqualTo(410);
            assertThat(call(null, null, "POST", "/api/invitations/acceptance",
                    body("token", "ll_inv_forged" + "x".repeat(30), "password", "another long passphrase")).status)
                    .as("forged").isEqualTo(404);
            Me operator = new Me("operator", operatorPassword);
            assertThat(operator.get("/api/me").json().get("roles").toString()).contains("OPERATOR");

            // The operator registers a programme with two places and invites its administrator.
            operator.post("/api/programmes", body("id", PROGRAMME, "name", "Northshore")).expect(201);
            operator.post("/api/places", body("id", PLACE_A, "programmeId", PROGRAMME, "name", "Alderford")).expect(201);
            operator.post("/api/places", body("id", PLACE_B, "programmeId", PROGRAMME, "name", "Brookside")).expect(201);
            Me admin = invite(operator, "north-admin", "{\"role\": \"ADMIN\"}");

            // The administrator invites a member of place A, a learning partner and a funder.
            Me member = invite(admin, "north-member", "{\"role\": \"PLACE_MEMBER\", \"placeId\": \"" + PLACE_A + "\"}");
            Me partner = invite(admin, "north-partner", "{\"role\": \"LEARNING_PARTNER\"}");
            Me funder = invite(admin, "north-funder", "{\"role\": \"FUNDER\"}");

            // Each holds their role, and only it.
            String insight = "{\"text\": \"Noticed\", \"layer\": \"PLACE_NETWORK\", \"principles\": [\"connected and heard\"]}";
            member.post("/api/places/" + PLACE_A + "/insights", insight).expect(201);
            member.post("/api/places/" + PLACE_B + "/insights", insight).expect(403);
            partner.post("/api/places/" + PLACE_A + "/insights", insight).expect(403);
            funder.post("/api/places/" + PLACE_A + "/insights", insight).expect(403);
            admin.post("/api/places/" + PLACE_B + "/insights", insight).expect(201);
            admin.post("/api/places", body("programmeId", PROGRAMME, "name", "Newtown")).expect(201);
            member.post("/api/places", body("programmeId", PROGRAMME, "name", "Newtown")).expect(403);
            partner.get("/api/programmes/" + PROGRAMME + "/timeline").expect(200);
            funder.get("/api/programmes/" + PROGRAMME + "/timeline").expect(200);
            funder.get("/api/programmes/" + PROGRAMME + "/members").expect(403);
            admin.get("/api/programmes/" + PROGRAMME + "/members").expect(200);

            // Nobody grants more than they hold: an administrator cannot appoint an operator, a member cannot invite.
            admin.post("/api/operators/invitations", body("memberId", "sneaky")).expect(403);
            member.post("/api/programmes/" + PROGRAMME + "/invitations",
                    "{\"memberId\": \"friend\", \"roles\": [{\"role\": \"ADMIN\"}]}").expect(403);
            // The programme keeps an administrator.
            operator.delete("/api/programmes/" + PROGRAMME + "/members/north-admin").expect(409);

            // The audit: who could write for place A today.
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            Reply writers = partner.get("/api/programmes/" + PROGRAMME + "/places/" + PLACE_A + "/writers?on=" + today).expect(200);
            assertThat(writers.text).contains("\"operator\"", "\"north-admin\"", "\"north-member\"")
                    .doesNotContain("north-partner", "north-funder");

            // A role revoked counts from the next request, command side and query side alike.
            admin.patch("/api/programmes/" + PROGRAMME + "/members/north-member", "{\"roles\": []}").expect(204);
            member.post("/api/places/" + PLACE_A + "/insights", insight).expect(403);
            admin.patch("/api/programmes/" + PROGRAMME + "/members/north-partner", "{\"roles\": [{\"role\": \"FUNDER\"}]}").expect(204);
            partner.get("/api/programmes/" + PROGRAMME + "/places/" + PLACE_A + "/writers?on=" + today).expect(403);
            admin.delete("/api/programmes/" + PROGRAMME + "/members/north-funder").expect(204);
            funder.get("/api/programmes/" + PROGRAMME + "/timeline").expect(401);

            // Granted again, it counts again; the audit at this moment no longer names the place member's earlier role.
            admin.patch("/api/programmes/" + PROGRAMME + "/members/north-member",
                    "{\"roles\": [{\"role\": \"PLACE_MEMBER\", \"placeId\": \"" + PLACE_B + "\"}]}").expect(204);
            member.post("/api/places/" + PLACE_B + "/insights", insight).expect(201);
            member.post("/api/places/" + PLACE_A + "/insights", insight).expect(403);
            // An administrator's reset: the old password stops at once, the new link sets another.
            Reply reset = admin.post("/api/programmes/" + PROGRAMME + "/members/north-member/password-resets", null).expect(201);
            member.get("/api/me").expect(401);
            Matcher resetLink = LINK.matcher(reset.json().get("link").asText());
            assertThat(resetLink.find()).isTrue();
            secrets.add(resetLink.group(1));
            Me memberAgain = new Me("north-member", accept(resetLink.group(1), "north-member"));
            memberAgain.post("/api/places/" + PLACE_B + "/insights", insight).expect(201);

            // A member changes their own password; the old one stops at once.
            String changed = "a changed passphrase for the member";
            passwords.add(changed);
            memberAgain.post("/api/me/password-changes", body("currentPassword", "not it", "newPassword", changed)).expect(422);
            memberAgain.post("/api/me/password-changes", body("currentPassword", memberAgain.password, "newPassword", changed)).expect(204);
            memberAgain.get("/api/me").expect(401);
            new Me("north-member", changed).get("/api/me").expect(200);

            Reply history = admin.get("/api/programmes/" + PROGRAMME + "/members").expect(200);
            assertThat(history.text).contains("REVOKED", "GRANTED", "REMOVED", "ACCEPTED", "PASSWORD_RESET");
        }
        String everything = output.getAll();
        String withoutConsole = everything.lines().filter(line -> !line.contains("accept-invitation.html#token="))
                .reduce("", (a, b) -> a + "\n" + b);
        for (String secret : secrets) {
            assertThat(withoutConsole).as("a link's secret in a log line").doesNotContain(secret.substring(7));
        }
        for (String password : passwords) {
            assertThat(everything).as("a password in the output").doesNotContain(password);
        }
        assertThat(everything).doesNotContain("@example.org");
    }

    @Test
    void configured_accounts_imported_as_members_are_then_governed_by_the_membership(CapturedOutput output) {
        String hash = "$2a$10$qohp3EjSdJuJ6JCUrJY02O893MgLeM3PA9Qh9grFVLO7kD6bOoUQC"; // learning-log-demo
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LearningLogApplication.class).run(
                "--learninglog.store.uri=", "--learninglog.store.data-dir=" + dataDir, "--server.port=0",
                "--learninglog.demo=off", "--learninglog.security.rate-limit.requests=0",
                "--learninglog.security.import-accounts=true",
                "--learninglog.security.accounts[0].username=ops", "--learninglog.security.accounts[0].password-hash=" + hash,
                "--learninglog.security.accounts[0].roles=OPERATOR",
                "--learninglog.security.accounts[1].username=lead", "--learninglog.security.accounts[1].password-hash=" + hash,
                "--learninglog.security.accounts[1].programme=" + PROGRAMME, "--learninglog.security.accounts[1].roles=ADMIN",
                "--learninglog.security.accounts[2].username=reader", "--learninglog.security.accounts[2].password-hash=" + hash,
                "--learninglog.security.accounts[2].programme=" + PROGRAMME, "--learninglog.security.accounts[2].roles=FUNDER")) {
            port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(output.getOut()).as("no set-up link: a configured operator exists").doesNotContain("accept-invitation");
            Me ops = new Me("ops", "learning-log-demo");
            ops.post("/api/programmes", body("id", PROGRAMME, "name", "Northshore")).expect(201);
            Me lead = new Me("lead", "learning-log-demo");
            Me reader = new Me("reader", "learning-log-demo");
            assertThat(reader.get("/api/me").expect(200).json().get("roles").toString()).contains("FUNDER");
            Reply members = lead.get("/api/programmes/" + PROGRAMME + "/members").expect(200);
            assertThat(members.text).contains("\"lead\"", "\"reader\"", "\"configuration\"");
            lead.delete("/api/programmes/" + PROGRAMME + "/members/reader").expect(204);
            reader.get("/api/me").expect(401);
            lead.delete("/api/programmes/" + PROGRAMME + "/members/lead").expect(409);
        }
    }

    // ---- the people ---------------------------------------------------------------------------------

    /** Invites, follows the link, and signs in with the chosen password. */
    private Me invite(Me by, String memberId, String role) {
        Reply invited = by.post("/api/programmes/" + PROGRAMME + "/invitations", """
                {"memberId": "%s", "email": "%s@example.org", "roles": [%s]}""".formatted(memberId, memberId, role)).expect(201);
        assertThat(invited.headers.firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(memberId));
        Matcher link = LINK.matcher(invited.json().get("link").asText());
        assertThat(link.find()).isTrue();
        secrets.add(link.group(1));
        // Not signed in yet: the invitation grants nothing before it is accepted.
        assertThat(call(memberId, "whatever they guess", "GET", "/api/me", null).status).isEqualTo(401);
        return new Me(memberId, accept(link.group(1), memberId));
    }

    private String accept(String token, String memberId) {
        String password = "correct horse " + (passwords.size() + 1) + " battery staple";
        passwords.add(password);
        Reply accepted = call(null, null, "POST", "/api/invitations/acceptance", body("token", token, "password", password));
        assertThat(accepted.status).as(accepted.text).isEqualTo(200);
        assertThat(accepted.json().get("memberId").asText()).isEqualTo(memberId);
        return password;
    }

    private final class Me {
        private final String name;
        private final String password;

        Me(String name, String password) {
            this.name = name;
            this.password = password;
        }

        Reply get(String path) {
            return call(name, password, "GET", path, null);
        }

        Reply post(String path, String json) {
            return call(name, password, "POST", path, json);
        }

        Reply patch(String path, String json) {
            return call(name, password, "PATCH", path, json);
        }

        Reply delete(String path) {
            return call(name, password, "DELETE", path, null);
        }
    }

    private record Reply(int status, String text, java.net.http.HttpHeaders headers) {
        Reply expect(int expected) {
            assertThat(status).as(text).isEqualTo(expected);
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Reply call(String user, String password, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "PATCH".equals(method) ? "application/merge-patch+json" : "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            DescribedTraffic.check(sent, json, response);
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String body(String... pairs) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node.toString();
    }
}
