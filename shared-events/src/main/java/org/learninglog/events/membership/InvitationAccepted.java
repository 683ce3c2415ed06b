package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The invited person followed their link and set their password (or bound their identity
 * provider's subject): from now on they hold the invitation's roles.
 *
 * @param programmeId  the programme; {@code null} for the installation
 * @param memberId     the member, who accepted
 * @param invitationId the invitation accepted
 * @param recordedAt   when it was recorded
 */
@Revision("1")
public record InvitationAccepted(String programmeId, String memberId, String invitationId, Instant recordedAt) {
}
