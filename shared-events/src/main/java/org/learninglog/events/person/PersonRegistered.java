package org.learninglog.events.person;

import org.axonframework.serialization.Revision;
import org.learninglog.events.personal.PersonalData;

import java.time.Instant;

/**
 * An administrator registered a person of the programme: somebody who records, decides, takes part
 * in sensemaking, or whose words may be quoted as evidence.
 *
 * @param personId       the person's identifier (opaque; never derived from the name)
 * @param programmeId    the programme
 * @param placeId        the person's place; {@code null} for people working across the programme
 * @param role           what the person does in the programme
 * @param personalData   the person's name and contact; the only personal data of this event
 * @param mayBeQuoted    whether the person agreed that their words may be quoted as evidence
 * @param registeredBy   the administrator's member identifier
 * @param recordedAt     when it was recorded
 */
@Revision("1")
public record PersonRegistered(String personId, String programmeId, String placeId, Role role,
                               PersonalData personalData, boolean mayBeQuoted, String registeredBy,
                               Instant recordedAt) {

    /** What a person does in a programme. Stored by name: never rename a constant. */
    public enum Role {
        /** A resident, partnership member, community leader or worker in one place. */
        PLACE_MEMBER,
        /** An evaluator or researcher working across the programme. */
        LEARNING_PARTNER,
        /** Somebody working for one of the funders. */
        FUNDER,
        /** Somebody who administers the programme. */
        ADMINISTRATOR
    }
}
