package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A member was given a role.
 *
 * @param programmeId the programme; {@code null} for the installation (the operator's role)
 * @param memberId    the member
 * @param grant       the role, and its place for a place member
 * @param grantedBy   who gave it
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record RoleGranted(String programmeId, String memberId, Grant grant, String grantedBy, Instant recordedAt) {
}
