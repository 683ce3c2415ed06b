package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An administrator gave a member a new single-use link to set a new password; their old password
 * stopped working at once. The link itself is never recorded.
 *
 * @param programmeId  the programme; {@code null} for the installation
 * @param memberId     the member
 * @param invitationId the new link's identifier
 * @param expiresAt    when the link stops being good
 * @param issuedBy     who issued it
 * @param recordedAt   when it was recorded
 */
@Revision("1")
public record PasswordResetIssued(String programmeId, String memberId, String invitationId, Instant expiresAt,
                                  String issuedBy, Instant recordedAt) {
}
