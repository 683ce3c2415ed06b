package org.learninglog.events.place;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A programme's administrator registered a place: a geography with its own partnership, which
 * from now on owns the records made for it.
 *
 * @param placeId      the place's identifier (opaque, never a name)
 * @param programmeId  the programme the place belongs to; nothing of it is visible to other programmes
 * @param name         how the place is called, e.g. "Riverside"; a geography, not personal data
 * @param registeredAt when the registration was recorded
 */
@Revision("1")
public record PlaceRegistered(String placeId, String programmeId, String name, Instant registeredAt) {
}
