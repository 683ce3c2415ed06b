package org.learninglog.events.programme;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An administrator registered a programme: a collaborative initiative across places and funders.
 * Nothing of one programme is visible to another. Its learning framework follows at once, as
 * {@link LearningFrameworkDefined}.
 *
 * @param programmeId  the programme's identifier (opaque, never a name)
 * @param name         what the programme is called; an initiative's name, not personal data
 * @param registeredBy the administrator's member identifier
 * @param recordedAt   when it was recorded
 */
@Revision("1")
public record ProgrammeRegistered(String programmeId, String name, String registeredBy, Instant recordedAt) {
}
