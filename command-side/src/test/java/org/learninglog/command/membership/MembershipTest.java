package org.learninglog.command.membership;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.Given;
import org.learninglog.command.UnknownReference;
import org.learninglog.events.membership.AccessRole;
import org.learninglog.events.membership.Grant;
import org.learninglog.events.membership.InvitationAccepted;
import org.learninglog.events.membership.MemberInvited;
import org.learninglog.events.membership.MemberRemoved;
import org.learninglog.events.membership.MemberSuspended;
import org.learninglog.events.membership.RoleGranted;
import org.learninglog.events.membership.RoleRevoked;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.security.membership.MembershipView;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.Instant;
import java.util.List;

import static org.learninglog.command.Given.NOW;
import static org.learninglog.command.Given.PLACE;
import static org.learninglog.command.Given.PROGRAMME;

@ExtendWith(MongoStoreExtension.class)
class MembershipTest {

    private static final String ID = Commands.membershipId(PROGRAMME);
    private static final Instant EXPIRES = NOW.plusSeconds(86_400);
    private static final Grant ADMIN = Grant.of(AccessRole.PROGRAMME_ADMINISTRATOR);

    private AggregateTestFixture<Membership> fixture;
    private com.mongodb.client.MongoDatabase database;

    @BeforeEach
    void setUp(MongoStore store) {
        database = store.database();
        fixture = new Given(store).programmeWithTwoPlaces().fixture(Membership.class);
        fixture.registerInjectableResource(new MembershipView(store.database()));
    }

    private static MemberInvited invited(String member, Grant... grants) {
        return new MemberInvited(PROGRAMME, member, "inv-" + member, null, List.of(grants), EXPIRES, "operator", NOW);
    }

    private static InvitationAccepted accepted(String member) {
        return new InvitationAccepted(PROGRAMME, member, "inv-" + member, NOW);
    }

    @Test
    void inviting_a_place_member_records_the_role_its_place_who_invited_and_the_sealed_address() {
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(ID, PROGRAMME, "ada", "inv-ada", "ada@example.org",
                        List.of(Grant.placeMember(PLACE)), EXPIRES, "admin-1"))
                .expectEvents(new MemberInvited(PROGRAMME, "ada", "inv-ada",
                        new PersonalData("member/ada", null, null, "ada@example.org"), List.of(Grant.placeMember(PLACE)),
                        EXPIRES, "admin-1", NOW));
    }

    @Test
    void a_place_member_of_a_place_not_in_the_programme_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(ID, PROGRAMME, "ada", "inv-ada", null,
                        List.of(Grant.placeMember("elsewhere")), EXPIRES, "admin-1"))
                .expectException(UnknownReference.class).expectNoEvents();
    }

    @Test
    void a_programme_member_cannot_be_made_an_operator() {
        fixture.givenNoPriorActivity()
                .when(new InviteMemberCommand(ID, PROGRAMME, "ada", "inv-ada", null,
                        List.of(Grant.of(AccessRole.OPERATOR)), EXPIRES, "admin-1"))
                .expectException(CommandRejected.class).expectNoEvents();
    }

    @Test
    void accepting_the_invitation_makes_the_member() {
        fixture.given(invited("ada", Grant.placeMember(PLACE)))
                .when(new AcceptInvitationCommand(ID, PROGRAMME, "ada", "inv-ada"))
                .expectEvents(accepted("ada"));
    }

    @Test
    void an_invitation_that_was_replaced_cannot_be_accepted() {
        fixture.given(invited("ada", Grant.placeMember(PLACE)))
                .when(new AcceptInvitationCommand(ID, PROGRAMME, "ada", "inv-older"))
                .expectException(MembershipConflict.class).expectNoEvents();
    }

    @Test
    void revoking_the_last_administrators_role_is_refused() {
        fixture.given(invited("boss", ADMIN), accepted("boss"))
                .when(new ChangeRoleCommand(ID, PROGRAMME, "boss", ADMIN, false, "operator"))
                .expectException(MembershipConflict.class).expectNoEvents();
    }

    @Test
    void removing_the_last_administrator_is_refused_but_with_another_it_is_recorded() {
        fixture.given(invited("boss", ADMIN), accepted("boss"))
                .when(new ChangeMemberStatusCommand(ID, PROGRAMME, "boss", ChangeMemberStatusCommand.Change.REMOVE, "operator"))
                .expectException(MembershipConflict.class);
        fixture.given(invited("boss", ADMIN), accepted("boss"), invited("deputy", ADMIN), accepted("deputy"))
                .when(new ChangeMemberStatusCommand(ID, PROGRAMME, "boss", ChangeMemberStatusCommand.Change.REMOVE, "deputy"))
                .expectEvents(new MemberRemoved(PROGRAMME, "boss", "deputy", NOW));
    }

    @Test
    void an_administrator_who_has_not_accepted_does_not_count_as_another() {
        fixture.given(invited("boss", ADMIN), accepted("boss"), invited("deputy", ADMIN))
                .when(new ChangeMemberStatusCommand(ID, PROGRAMME, "boss", ChangeMemberStatusCommand.Change.SUSPEND, "operator"))
                .expectException(MembershipConflict.class).expectNoEvents();
    }

    @Test
    void a_role_is_granted_and_revoked_with_who_did_it() {
        fixture.given(invited("ola", Grant.of(AccessRole.FUNDER)), accepted("ola"))
                .when(new ChangeRoleCommand(ID, PROGRAMME, "ola", Grant.of(AccessRole.LEARNING_PARTNER), true, "admin-1"))
                .expectEvents(new RoleGranted(PROGRAMME, "ola", Grant.of(AccessRole.LEARNING_PARTNER), "admin-1", NOW));
        fixture.given(invited("ola", Grant.of(AccessRole.FUNDER)), accepted("ola"))
                .when(new ChangeRoleCommand(ID, PROGRAMME, "ola", Grant.of(AccessRole.FUNDER), false, "admin-1"))
                .expectEvents(new RoleRevoked(PROGRAMME, "ola", Grant.of(AccessRole.FUNDER), "admin-1", NOW));
    }

    @Test
    void a_member_is_suspended_and_a_removed_one_is_unknown() {
        fixture.given(invited("ola", Grant.of(AccessRole.FUNDER)), accepted("ola"))
                .when(new ChangeMemberStatusCommand(ID, PROGRAMME, "ola", ChangeMemberStatusCommand.Change.SUSPEND, "admin-1"))
                .expectEvents(new MemberSuspended(PROGRAMME, "ola", "admin-1", NOW));
        fixture.given(invited("ola", Grant.of(AccessRole.FUNDER)), accepted("ola"), new MemberRemoved(PROGRAMME, "ola", "admin-1", NOW))
                .when(new ChangeRoleCommand(ID, PROGRAMME, "ola", Grant.of(AccessRole.FUNDER), true, "admin-1"))
                .expectException(UnknownMember.class);
    }

    @Test
    void the_same_user_name_cannot_be_invited_twice_once_accepted() {
        fixture.given(invited("ola", Grant.of(AccessRole.FUNDER)), accepted("ola"))
                .when(new InviteMemberCommand(ID, PROGRAMME, "ola", "inv-2", null, List.of(Grant.of(AccessRole.FUNDER)),
                        EXPIRES, "admin-1"))
                .expectException(MembershipConflict.class).expectNoEvents();
    }

    @Test
    void erasing_a_members_address_deletes_their_key_and_records_it_once() {
        org.learninglog.store.personal.PersonalKeys keys = new org.learninglog.store.personal.MongoPersonalKeys(database);
        keys.keyFor("member/ola");
        fixture.registerInjectableResource(keys);
        fixture.given(invited("ola", Grant.of(AccessRole.FUNDER)), accepted("ola"))
                .when(new EraseMemberContactCommand(ID, PROGRAMME, "ola", "admin-1"))
                .expectEvents(new org.learninglog.events.membership.MemberContactErased(PROGRAMME, "ola", "admin-1", NOW));
        org.assertj.core.api.Assertions.assertThat(keys.isErased("member/ola")).isTrue();
    }
}
