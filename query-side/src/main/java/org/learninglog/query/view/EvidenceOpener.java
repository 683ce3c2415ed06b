package org.learninglog.query.view;

import org.learninglog.store.personal.PersonalValues;
import org.springframework.stereotype.Component;

/**
 * The one place the read side opens personal values. A view holds a person's name and words only
 * as {@link Evidence}, sealed with that person's key before the projection saw the event
 * ({@link ViewProcessor}); the queries hand every answer's evidence to this class as they answer,
 * so once the person withdrew consent every answer shows "(removed at the person's request)"
 * instead, without any view being rewritten.
 */
@Component
public class EvidenceOpener {

    private final PersonalValues values;

    public EvidenceOpener(PersonalValues values) {
        this.values = values;
    }

    /** The evidence in clear, or with the marker where the person's data was erased; {@code null} stays {@code null}. */
    public Evidence open(Evidence sealed) {
        return sealed == null ? null : new Evidence(sealed.personId(), values.open(sealed.personId(), sealed.name()),
                values.open(sealed.personId(), sealed.quote()));
    }

    /** A person's name as registered (sealed with their key), or the marker once their data was erased. */
    public String openName(String personId, String sealedName) {
        return values.open(personId, sealedName);
    }

    /** The line with its evidence opened. */
    public TimelineLine open(TimelineLine line) {
        return line.evidence() == null ? line : line.withEvidence(open(line.evidence()));
    }
}
