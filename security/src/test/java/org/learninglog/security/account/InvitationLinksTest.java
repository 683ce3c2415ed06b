package org.learninglog.security.account;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single-use links on a real MongoDB wire server: kept as digests, good once, until they expire. */
class InvitationLinksTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        database = client.getDatabase("links");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private InvitationLinks at(Instant now) {
        return new InvitationLinks(database, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Invitation invitation() {
        return new Invitation("inv-1", "ada", "programme-1", Invitation.Purpose.INVITATION, NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void a_link_is_good_once_and_then_gone() {
        String token = at(NOW).issue(invitation());
        assertThat(at(NOW).open(token)).isEqualTo(invitation());
        at(NOW).use(token);
        assertThatThrownBy(() -> at(NOW).open(token)).satisfies(gone -> assertStatus(gone, HttpStatus.GONE));
        assertThatThrownBy(() -> at(NOW).use(token)).satisfies(gone -> assertStatus(gone, HttpStatus.GONE));
    }

    @Test
    void an_expired_link_is_gone_and_a_made_up_one_was_never_there() {
        String token = at(NOW).issue(invitation());
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofDays(7))).open(token)).satisfies(gone -> assertStatus(gone, HttpStatus.GONE));
        assertThatThrownBy(() -> at(NOW).open(token + "x")).satisfies(unknown -> assertStatus(unknown, HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> at(NOW).open("not a link")).satisfies(unknown -> assertStatus(unknown, HttpStatus.NOT_FOUND));
    }

    @Test
    void the_store_keeps_a_digest_and_never_the_secret() {
        String token = at(NOW).issue(invitation());
        for (Document kept : database.getCollection("invitation_links").find()) {
            assertThat(kept.toJson()).doesNotContain(token.substring(InvitationLinks.PREFIX.length()));
        }
    }

    private static void assertStatus(Throwable thrown, HttpStatus status) {
        assertThat(thrown).isInstanceOf(ErrorResponseException.class);
        assertThat(((ErrorResponseException) thrown).getStatusCode()).isEqualTo(status);
    }
}
