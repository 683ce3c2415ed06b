package org.learninglog.command.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.learninglog.command.CommandSideSpringTest;
import org.learninglog.store.testkit.SignedInAsOperator;
import org.learninglog.events.membership.AccessRole;
import org.learninglog.events.membership.Grant;
import org.learninglog.security.membership.MembershipView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership view rebuilt from the events equals the one kept live, document for document, after
 * every kind of membership event (invited, accepted with a password and at a provider, granted,
 * revoked, suspended, reinstated, removed, a password reset); and a view damaged by hand is made
 * whole again, without a restart, by the operators' rebuild.
 */
@CommandSideSpringTest
class MembershipViewRebuildTest {

    @Autowired
    SignedInAsOperator.Operator operator;
    @Autowired
    TestRestTemplate anybody;
    @Autowired
    CommandGateway commands;
    @Autowired
    MongoDatabase database;

    @Test
    void the_rebuilt_membership_view_equals_the_live_one_and_mends_a_damaged_one() {
        String programme = post(operator.http(), "/api/programmes", Map.of("name", "Rebuilt")).path("programmeId").asText();
        String place = post(operator.http(), "/api/places", Map.of("programmeId", programme, "name", "Eastfield")).path("placeId").asText();
        String membership = Commands.membershipId(programme);

        acceptWithPassword(invite(programme, "rb-admin", Map.of("role", "ADMIN")));
        acceptWithPassword(invite(programme, "rb-member", Map.of("role", "PLACE_MEMBER", "placeId", place)));
        JsonNode atProvider = invite(programme, "rb-partner", Map.of("role", "LEARNING_PARTNER"));
        invite(programme, "rb-invited", Map.of("role", "FUNDER")); // never accepts
        String token = atProvider.path("link").asText().substring(Links.PAGE.length());
        var invitation = new org.learninglog.security.account.InvitationLinks(database, java.time.Clock.systemUTC()).open(token);
        commands.sendAndWait(new AcceptInvitationAtProviderCommand(membership, programme, "rb-partner",
                invitation.invitationId(), "https://idp.example/realms/rb", "5f0c-subject"));

        commands.sendAndWait(new ChangeRoleCommand(membership, programme, "rb-member", Grant.of(AccessRole.FUNDER), true, "operator"));
        commands.sendAndWait(new ChangeRoleCommand(membership, programme, "rb-member",
                new Grant(AccessRole.PLACE_MEMBER, place), false, "operator"));
        commands.sendAndWait(new ChangeMemberStatusCommand(membership, programme, "rb-partner",
                ChangeMemberStatusCommand.Change.SUSPEND, "operator"));
        commands.sendAndWait(new ChangeMemberStatusCommand(membership, programme, "rb-partner",
                ChangeMemberStatusCommand.Change.REINSTATE, "operator"));
        commands.sendAndWait(new ChangeMemberStatusCommand(membership, programme, "rb-member",
                ChangeMemberStatusCommand.Change.REMOVE, "operator"));
        assertThat(operator.http().postForEntity("/api/programmes/" + programme + "/members/rb-admin/password-resets",
                null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, List<Document>> live = snapshot();
        assertThat(live.get("membership_members")).extracting(document -> document.getString("_id"))
                .contains("rb-admin", "rb-member", "rb-partner", "rb-invited");
        assertThat(live.get("membership_subjects")).extracting(document -> document.getString("memberId")).contains("rb-partner");

        // Rebuilt over an intact view: nothing changes.
        ResponseEntity<JsonNode> rebuilt = operator.http().postForEntity("/api/admin/membership/rebuild", null, JsonNode.class);
        assertThat(rebuilt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rebuilt.getBody().path("membershipEvents").asLong()).isGreaterThanOrEqualTo(14);
        assertThat(snapshot()).isEqualTo(live);

        // Damaged by hand: a member lost, another's roles changed, a stray member and a lost binding.
        database.getCollection("membership_members").deleteOne(Filters.eq("_id", "rb-admin"));
        database.getCollection("membership_members").updateOne(Filters.eq("_id", "rb-partner"), Updates.set("status", "REMOVED"));
        database.getCollection("membership_members").insertOne(new Document("_id", "intruder").append("programmeId", programme)
                .append("status", "ACTIVE").append("grants", List.of(new Document("role", "ADMIN"))));
        database.getCollection("membership_subjects").deleteMany(new Document());
        assertThat(snapshot()).isNotEqualTo(live);

        assertThat(operator.http().postForEntity("/api/admin/membership/rebuild", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(snapshot()).isEqualTo(live);

        // Operators only.
        assertThat(anybody.postForEntity("/api/admin/membership/rebuild", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode invite(String programme, String memberId, Map<String, String> role) {
        return post(operator.http(), "/api/programmes/" + programme + "/invitations",
                Map.of("memberId", memberId, "roles", List.of(role)));
    }

    private void acceptWithPassword(JsonNode link) {
        String token = link.path("link").asText().substring(Links.PAGE.length());
        ResponseEntity<JsonNode> accepted = anybody.postForEntity("/api/invitations/acceptance",
                Map.of("token", token, "password", "a long sentence nobody guesses"), JsonNode.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static JsonNode post(TestRestTemplate http, String path, Object body) {
        ResponseEntity<JsonNode> answer = http.postForEntity(path, body, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return answer.getBody();
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String name : MembershipView.COLLECTIONS) {
            documents.put(name, database.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return documents;
    }
}
