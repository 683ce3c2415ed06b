package org.learninglog.events.personal;

/**
 * The only place where an event may hold personal data: a person's name, their words, how to
 * reach them. Kept in one type so that a later revision can encrypt it per person and make it
 * unreadable when consent is withdrawn, while the rest of the event stays readable and verifiable.
 * Nothing else in any event (identifiers, tags, free text fields meant for work) may repeat it.
 *
 * <p>Its {@code toString} hides the values: an event that holds it can never leak it into a log.
 *
 * @param personId the person it is about (an opaque identifier, itself not personal data)
 * @param name     how the person is called; {@code null} if not given here
 * @param quote    words the person said, quoted with their consent; {@code null} if none
 * @param contact  how to reach the person (e-mail, phone); {@code null} if none
 */
public record PersonalData(String personId, String name, String quote, String contact) {

    /** Only a person's identifier and a quote, as evidence for an insight. */
    public static PersonalData quote(String personId, String quote) {
        return new PersonalData(personId, null, quote, null);
    }

    @Override
    public String toString() {
        return "PersonalData[personId=" + personId + ", (personal values withheld)]";
    }
}
