package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The e-mail address a member was invited at was erased at their request: its key
 * ({@code member/<memberId>}) was deleted, so no event, view or export can read it again. Their
 * membership is untouched.
 *
 * @param programmeId the programme; {@code null} for the installation
 * @param memberId    the member
 * @param erasedBy    who carried out the request
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record MemberContactErased(String programmeId, String memberId, String erasedBy, Instant recordedAt) {
}
