package org.learninglog.query.view;

import org.bson.Document;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.store.personal.PersonalValues;

/**
 * A quote given as evidence for an insight, and who said it. In a view both values are kept
 * sealed with the person's key ({@link PersonalValues}); a query opens them as it answers ({@link EvidenceOpener}), so once
 * the person withdrew consent every answer shows "(removed at the person's request)" instead,
 * without any view being rewritten.
 *
 * @param personId who said it (an identifier, not personal data)
 * @param name     their name as registered; {@code null} if the view does not know it
 * @param quote    their words
 */
public record Evidence(String personId, String name, String quote) {

    /** As a view keeps it: the quote from the event, the name from the person's registration (both already sealed). */
    public static Evidence sealed(PersonalData quote, String sealedName) {
        return quote == null ? null : new Evidence(quote.personId(), sealedName, quote.quote());
    }

    /** {@link #sealed} as a view stores it; {@code null} without a quote. */
    public static Document document(PersonalData quote, String sealedName) {
        return quote == null ? null : sealed(quote, sealedName).toDocument();
    }

    public Document toDocument() {
        return new Document("personId", personId).append("name", name).append("quote", quote);
    }

    /** The evidence under {@code field} of a view document; {@code null} if none. */
    public static Evidence of(Document document, String field) {
        Document stored = document == null ? null : document.get(field, Document.class);
        return stored == null ? null
                : new Evidence(stored.getString("personId"), stored.getString("name"), stored.getString("quote"));
    }

    @Override
    public String toString() {
        return "Evidence[personId=" + personId + ", (personal values withheld)]";
    }
}
