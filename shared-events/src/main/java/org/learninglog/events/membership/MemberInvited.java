package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;
import org.learninglog.events.personal.PersonalData;

import java.time.Instant;
import java.util.List;

/**
 * Somebody was invited to become a member: the roles are theirs once they accept, before the
 * invitation expires. The invitation's secret link is never recorded, only its identifier.
 *
 * @param programmeId  the programme; {@code null} for the installation (an operator's invitation)
 * @param memberId     the member identifier they will sign in with (a user name; not personal data)
 * @param invitationId the invitation's identifier
 * @param contact      the e-mail address it was meant for, if given: the only personal data here,
 *                     sealed with the member's key ({@code member/<memberId>}) and erased with it
 * @param grants       the roles they will hold
 * @param expiresAt    when the invitation stops being good
 * @param invitedBy    who invited them (a member identifier, or {@code installation} for the first operator)
 * @param recordedAt   when it was recorded
 */
@Revision("1")
public record MemberInvited(String programmeId, String memberId, String invitationId, PersonalData contact,
                            List<Grant> grants, Instant expiresAt, String invitedBy, Instant recordedAt) {

    public MemberInvited {
        grants = List.copyOf(grants);
    }

    /** The identifier a member's personal data is sealed under. */
    public static String personalDataId(String memberId) {
        return "member/" + memberId;
    }
}
