package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The journey's documents of things registered once and read by exact key: a sensemaking session
 * ({@code session:<id>}), a funder ({@code funder:<id>}) and a person's registration
 * ({@code registration:<personId>}). Each record is written and read here only, field by field in
 * the stored order; each belongs to one programme, which a read checks against its path.
 */
public final class RegisteredDocuments {

    private RegisteredDocuments() {
    }

    /** A document of one programme. */
    public interface OfProgramme {
        String programmeId();
    }

    public record Session(String programmeId, String title, List<String> participantIds, List<String> placeIds,
                          List<String> insightIds, String conclusions, LocalDate heldOn, String recordedBy,
                          Instant recordedAt) implements OfProgramme {

        public static Session of(Document session) {
            String heldOn = session.getString("heldOn");
            return new Session(session.getString("programmeId"), session.getString("title"),
                    DocumentFields.strings(session, "participantIds"), DocumentFields.strings(session, "placeIds"),
                    DocumentFields.strings(session, "insightIds"), session.getString("conclusions"),
                    heldOn == null ? null : LocalDate.parse(heldOn), session.getString("recordedBy"), Stamped.instantOf(session));
        }

        void writeTo(Document session, long position) {
            session.append("programmeId", programmeId).append("title", title)
                    .append("participantIds", DocumentFields.list(participantIds))
                    .append("placeIds", DocumentFields.list(placeIds))
                    .append("insightIds", DocumentFields.list(insightIds))
                    .append("conclusions", conclusions).append("heldOn", heldOn == null ? null : heldOn.toString())
                    .append("recordedBy", recordedBy)
                    .append(Stamped.AT, DocumentFields.date(recordedAt)).append(Stamped.POSITION, position);
        }
    }

    public record Funder(String programmeId, String name, Instant recordedAt) implements OfProgramme {

        public static Funder of(Document funder) {
            return new Funder(funder.getString("programmeId"), funder.getString("name"), Stamped.instantOf(funder));
        }

        void writeTo(Document funder, long position) {
            funder.append("programmeId", programmeId).append("name", name)
                    .append(Stamped.AT, DocumentFields.date(recordedAt)).append(Stamped.POSITION, position);
        }
    }

    /**
     * @param personId whose key the sealed name is under, as {@code ViewDigest} reads it
     * @param name     sealed with the person's key
     * @param erasedAt when the person's personal data was erased, if it was
     */
    public record Registration(String personId, String programmeId, String placeId, String role, String name,
                               boolean mayBeQuoted, Instant recordedAt, Instant erasedAt) implements OfProgramme {

        private static final String ERASED_AT = "erasedAt";

        public static Registration of(Document person) {
            return new Registration(person.getString("personId"), person.getString("programmeId"), person.getString("placeId"),
                    person.getString("role"), person.getString("name"), person.getBoolean("mayBeQuoted", false),
                    Stamped.instantOf(person), DocumentFields.instant(person, ERASED_AT));
        }

        void writeTo(Document person, long position) {
            person.append("personId", personId).append("programmeId", programmeId).append("placeId", placeId)
                    .append("role", role).append("name", name)
                    .append("mayBeQuoted", mayBeQuoted).append(Stamped.AT, DocumentFields.date(recordedAt))
                    .append(Stamped.POSITION, position);
        }

        static void erased(Document person, Instant erasedAt) {
            person.append(ERASED_AT, DocumentFields.date(erasedAt));
        }

        public boolean erased() {
            return erasedAt != null;
        }
    }
}
