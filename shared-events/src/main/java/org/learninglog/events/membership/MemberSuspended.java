package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A member was suspended: they keep their roles on record but may do nothing until reinstated.
 *
 * @param programmeId the programme; {@code null} for the installation
 * @param memberId    the member
 * @param suspendedBy who suspended them
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record MemberSuspended(String programmeId, String memberId, String suspendedBy, Instant recordedAt) {
}
