package org.learninglog.security.membership;

import org.junit.jupiter.api.Test;
import org.learninglog.security.Role;
import org.learninglog.security.membership.MembershipChange.Kind;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WritersOnDateTest {

    private static final Instant JAN = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2025-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2025-03-01T00:00:00Z");

    private static MembershipChange line(Instant at, String member, Kind kind, Role role, String place) {
        return new MembershipChange(member + kind + at, at, member, kind, role, place, "admin");
    }

    private final List<MembershipChange> programme = List.of(
            line(JAN, "ada", Kind.INVITED, Role.PLACE_MEMBER, "place-a"),
            line(JAN, "ada", Kind.ACCEPTED, null, null),
            line(JAN, "bo", Kind.INVITED, Role.PLACE_MEMBER, "place-b"),
            line(JAN, "bo", Kind.ACCEPTED, null, null),
            line(JAN, "cy", Kind.INVITED, Role.PLACE_MEMBER, "place-a"),
            line(JAN, "boss", Kind.INVITED, Role.ADMIN, null),
            line(JAN, "boss", Kind.ACCEPTED, null, null),
            line(FEB, "ada", Kind.REVOKED, Role.PLACE_MEMBER, "place-a"),
            line(FEB, "bo", Kind.GRANTED, Role.PLACE_MEMBER, "place-a"),
            line(MAR, "bo", Kind.SUSPENDED, null, null));
    private final List<MembershipChange> installation = List.of(
            line(JAN, "op", Kind.INVITED, Role.OPERATOR, null), line(JAN, "op", Kind.ACCEPTED, null, null));

    @Test
    void in_january_the_place_member_who_accepted_and_the_administrator_and_operator_could_write_but_not_one_still_invited() {
        assertThat(WritersOnDate.writers(programme, installation, "place-a", JAN.plusSeconds(60))).containsExactly(
                new WritersOnDate.Writer("op", Role.OPERATOR), new WritersOnDate.Writer("boss", Role.ADMIN),
                new WritersOnDate.Writer("ada", Role.PLACE_MEMBER));
    }

    @Test
    void after_a_revocation_and_a_grant_the_answer_follows_and_a_suspension_ends_it() {
        assertThat(WritersOnDate.writers(programme, installation, "place-a", FEB.plusSeconds(60)))
                .extracting(WritersOnDate.Writer::memberId).containsExactly("op", "boss", "bo");
        assertThat(WritersOnDate.writers(programme, installation, "place-a", MAR.plusSeconds(60)))
                .extracting(WritersOnDate.Writer::memberId).containsExactly("op", "boss");
    }

    @Test
    void before_anybody_was_invited_nobody_could() {
        assertThat(WritersOnDate.writers(programme, installation, "place-a", JAN.minusSeconds(1))).isEmpty();
    }
}
