package org.learninglog.events.place;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A programme's administrator registered a place: a geography with its own partnership, which
 * from now on owns the records made for it.
 *
 * <p>Revision 2 adds {@code registeredBy}. Revision 1 did not say who registered the place; such
 * events read with {@code registeredBy == null}, which means "not recorded", nothing else.
 *
 * @param placeId      the place's identifier (opaque, never a name)
 * @param programmeId  the programme the place belongs to; nothing of it is visible to other programmes
 * @param name         how the place is called, e.g. "Riverside"; a geography, not personal data
 * @param registeredAt when the registration was recorded
 * @param registeredBy the administrator's member identifier; {@code null} in revision 1 events
 */
@Revision("2")
public record PlaceRegistered(String placeId, String programmeId, String name, Instant registeredAt,
                              String registeredBy) {

    /** A registration that does not say who made it, as revision 1 events read. */
    public PlaceRegistered(String placeId, String programmeId, String name, Instant registeredAt) {
        this(placeId, programmeId, name, registeredAt, null);
    }
}
