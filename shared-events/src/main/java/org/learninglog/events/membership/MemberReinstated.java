package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A suspended member was reinstated: their roles hold again.
 *
 * @param programmeId  the programme; {@code null} for the installation
 * @param memberId     the member
 * @param reinstatedBy who reinstated them
 * @param recordedAt   when it was recorded
 */
@Revision("1")
public record MemberReinstated(String programmeId, String memberId, String reinstatedBy, Instant recordedAt) {
}
