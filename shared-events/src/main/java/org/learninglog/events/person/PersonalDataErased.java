package org.learninglog.events.person;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A person withdrew their consent and their personal data was erased: their key was deleted, so
 * their name, contact and words can no longer be read in any event, view or export. The events
 * that held them stay as they were (and their hashes still verify); this one records that and when.
 *
 * @param personId    the person
 * @param programmeId their programme
 * @param erasedBy    the member who carried out the request (an administrator or a member of the person's place)
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record PersonalDataErased(String personId, String programmeId, String erasedBy, Instant recordedAt) {
}
