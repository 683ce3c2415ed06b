package org.learninglog.events.funder;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An administrator registered one of the programme's funders. A funder reads across places and
 * is itself a layer of change.
 *
 * @param funderId     the funder's identifier (opaque)
 * @param programmeId  the programme it funds
 * @param name         the funding organisation's name; an organisation, not personal data
 * @param registeredBy the administrator's member identifier
 * @param recordedAt   when it was recorded
 */
@Revision("1")
public record FunderRegistered(String funderId, String programmeId, String name, String registeredBy,
                               Instant recordedAt) {
}
