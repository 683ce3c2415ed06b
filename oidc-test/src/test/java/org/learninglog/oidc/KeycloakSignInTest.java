package org.learninglog.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learninglog.launcher.LearningLogApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learning Log signed in at a real OpenID Connect provider, from a clean start: Keycloak's server
 * distribution with the realm of {@code docker/keycloak}; Learning Log with the demo off on an empty
 * embedded store, configured for that realm (issuer, audience, the web client). The console's set-up
 * link is followed in Chromium by a person who signs in at Keycloak (authorization code flow) and
 * becomes the operator; with Keycloak's access token the operator registers a programme and invites
 * its administrator, who accepts the same way and invites a place member. Before accepting, the
 * member's token (Keycloak's, naming no roles) reaches nothing of the programme; once the invitation
 * binds their Keycloak subject, the same token reads the programme (200), writes for their place
 * (201) and is refused a write elsewhere (403); a role revoked counts from the next request. Roles
 * and places come from the membership, never from the token. Keycloak is stopped at the end.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeycloakSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("(/accept-invitation\\.html#token=ll_inv_[A-Za-z0-9_-]+)");
    private static final String PROGRAMME = "kc-programme";
    private static final String PLACE_A = "kc-place-a";
    private static final String PLACE_B = "kc-place-b";
    private static final String INSIGHT = "{\"text\": \"Noticed\", \"layer\": \"PLACE_NETWORK\", \"principles\": [\"connected and heard\"]}";

    private static final Map<String, String> PEOPLE = new LinkedHashMap<>();
    private static final String CLIENT_SECRET = secret();
    private static KeycloakServer keycloak;
    private static int appPort;
    private static long keycloakStartedIn;
    private static BrowserSignIn browser;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void keycloakServesTheRealm() throws Exception {
        browser = BrowserSignIn.find(Path.of(System.getProperty("e2e.dir"))); // before the long start, if it is missing
        for (String person : new String[] {"olu", "ada", "nia"}) {
            PEOPLE.put(person, secret());
        }
        appPort = KeycloakServer.freePort();
        Path log = Files.createDirectories(Path.of("target")).resolve("keycloak.log");
        long started = System.nanoTime();
        keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.home")),
                Path.of(System.getProperty("keycloak.java.home")), Path.of(System.getProperty("keycloak.realm")),
                PEOPLE, CLIENT_SECRET, base() + "/login/oauth2/code/learning-log", log);
        keycloakStartedIn = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Keycloak served the realm after " + keycloakStartedIn + " ms (pid " + keycloak.pid() + ")");
    }

    @AfterAll
    static void keycloakIsStopped() throws InterruptedException {
        if (keycloak != null) {
            long pid = keycloak.pid();
            keycloak.close();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("Keycloak stopped").isFalse();
        }
    }

    @Test
    void invitations_accepted_at_keycloak_make_members_whose_access_tokens_hold_the_membership_roles(CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LearningLogApplication.class).run(
                "--learninglog.store.uri=", "--learninglog.store.data-dir=" + dataDir,
                "--server.address=127.0.0.1", "--server.port=" + appPort, "--learninglog.public-url=" + base(),
                "--learninglog.demo=off", "--learninglog.security.rate-limit.requests=0",
                "--learninglog.security.oidc.issuer-uri=" + keycloak.issuer(),
                "--learninglog.security.oidc.audience=learning-log-api",
                "--learninglog.security.oidc.client-id=learning-log-web",
                "--learninglog.security.oidc.client-secret=" + CLIENT_SECRET)) {

            // The first operator: whoever follows the console's set-up link signed in at Keycloak.
            Matcher setUp = LINK.matcher(output.getOut());
            assertThat(setUp.find()).as("a set-up link on the console").isTrue();
            String olu = token("olu");
            assertThat(call(olu, "GET", "/api/programmes/" + PROGRAMME + "/members", null).status)
                    .as("not yet the operator").isIn(403, 404);
            assertThat(browser.accept(base(), setUp.group(1), "olu", PEOPLE.get("olu"))).contains("\"OPERATOR\"");
            assertThat(call(olu, "GET", "/api/me", null).json().path("id").asText()).isEqualTo("operator");

            // The operator's programme, and its administrator invited and signed in at Keycloak.
            call(olu, "POST", "/api/programmes", "{\"id\": \"" + PROGRAMME + "\", \"name\": \"Keycloak Vale\"}").expect(201);
            call(olu, "POST", "/api/places", "{\"id\": \"" + PLACE_A + "\", \"programmeId\": \"" + PROGRAMME + "\", \"name\": \"Alder\"}").expect(201);
            call(olu, "POST", "/api/places", "{\"id\": \"" + PLACE_B + "\", \"programmeId\": \"" + PROGRAMME + "\", \"name\": \"Birch\"}").expect(201);
            String adminLink = invite(olu, "vale-admin", "{\"role\": \"ADMIN\"}");
            assertThat(browser.accept(base(), adminLink, "ada", PEOPLE.get("ada"))).contains("\"ADMIN\"");
            String ada = token("ada");

            // The administrator records something (the programme's timeline is read from a view kept
            // asynchronously), and invites a member of place A; until they accept, Keycloak's token reaches nothing here.
            call(ada, "POST", "/api/places/" + PLACE_A + "/insights", INSIGHT).expect(201);
            eventually(ada, "/api/programmes/" + PROGRAMME + "/timeline");
            String memberLink = invite(ada, "vale-member", "{\"role\": \"PLACE_MEMBER\", \"placeId\": \"" + PLACE_A + "\"}");
            String nia = token("nia");
            assertThat(call(nia, "GET", "/api/programmes/" + PROGRAMME + "/timeline", null).status).isEqualTo(404);
            assertThat(call(nia, "POST", "/api/places/" + PLACE_A + "/insights", INSIGHT).status).isIn(403, 404);

            assertThat(browser.accept(base(), memberLink, "nia", PEOPLE.get("nia"))).contains("\"PLACE_MEMBER\"");

            // The same access token, now bound: the membership's roles and places hold for it.
            Reply me = call(nia, "GET", "/api/me", null).expect(200);
            assertThat(me.json().path("id").asText()).isEqualTo("vale-member");
            call(nia, "GET", "/api/programmes/" + PROGRAMME + "/timeline", null).expect(200);
            call(nia, "POST", "/api/places/" + PLACE_A + "/insights", INSIGHT).expect(201);
            call(nia, "POST", "/api/places/" + PLACE_B + "/insights", INSIGHT).expect(403);
            call(nia, "GET", "/api/programmes/" + PROGRAMME + "/members", null).expect(403);
            call(nia, "POST", "/api/programmes/" + PROGRAMME + "/invitations",
                    "{\"memberId\": \"friend\", \"roles\": [{\"role\": \"ADMIN\"}]}").expect(403);

            // A link used once is spent; a password acceptance is refused where sign-in is at the provider.
            String spent = memberLink.substring(memberLink.indexOf("token=") + "token=".length());
            assertThat(call(nia, "POST", "/api/invitations/provider-acceptance", "{\"token\": \"" + spent + "\"}").status).isEqualTo(410);
            String another = invite(ada, "vale-partner", "{\"role\": \"LEARNING_PARTNER\"}");
            String anotherToken = another.substring(another.indexOf("token=") + "token=".length());
            assertThat(call(null, "POST", "/api/invitations/acceptance",
                    "{\"token\": \"" + anotherToken + "\", \"password\": \"a long sentence nobody guesses\"}").status).isEqualTo(409);
            assertThat(call(nia, "POST", "/api/invitations/provider-acceptance", "{\"token\": \"" + anotherToken + "\"}").status)
                    .as("a subject bound to a member already").isEqualTo(409);

            // A role revoked counts from the next request, for the token already issued.
            call(ada, "PATCH", "/api/programmes/" + PROGRAMME + "/members/vale-member", "{\"roles\": []}").expect(204);
            call(nia, "POST", "/api/places/" + PLACE_A + "/insights", INSIGHT).expect(403);

            // Who could write for place A today, over HTTP, names the bound members by their member ids.
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            assertThat(call(ada, "GET", "/api/programmes/" + PROGRAMME + "/places/" + PLACE_A + "/writers?on=" + today, null)
                    .expect(200).text).contains("\"operator\"", "\"vale-admin\"", "\"vale-member\"");
        }
        assertThat(output.getAll()).as("no password of the test's people in the output")
                .doesNotContain(PEOPLE.values().toArray(String[]::new)).doesNotContain(CLIENT_SECRET);
    }

    private void eventually(String token, String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        Reply last = call(token, "GET", path, null);
        while (last.status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = call(token, "GET", path, null);
        }
        last.expect(200);
    }

    private String invite(String token, String memberId, String role) throws IOException, InterruptedException {
        Reply invited = call(token, "POST", "/api/programmes/" + PROGRAMME + "/invitations",
                "{\"memberId\": \"" + memberId + "\", \"roles\": [" + role + "]}").expect(201);
        return invited.json().path("link").asText();
    }

    private String token(String person) throws IOException, InterruptedException {
        return keycloak.accessToken(person, PEOPLE.get(person));
    }

    private Reply call(String bearer, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "PATCH".equals(method) ? "application/merge-patch+json" : "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(method + " " + path, answer.statusCode(), answer.body());
    }

    private record Reply(String request, int status, String text) {
        Reply expect(int wanted) {
            assertThat(status).as(request + " answered " + text).isEqualTo(wanted);
            return this;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(text);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + appPort;
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
