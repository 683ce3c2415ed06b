package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A member was removed: every role they held ends, and they can no longer sign in.
 *
 * @param programmeId the programme; {@code null} for the installation
 * @param memberId    the member
 * @param removedBy   who removed them
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record MemberRemoved(String programmeId, String memberId, String removedBy, Instant recordedAt) {
}
