package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A member's role was taken away.
 *
 * @param programmeId the programme; {@code null} for the installation
 * @param memberId    the member
 * @param grant       the role taken away, and its place for a place member
 * @param revokedBy   who took it away
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record RoleRevoked(String programmeId, String memberId, Grant grant, String revokedBy, Instant recordedAt) {
}
