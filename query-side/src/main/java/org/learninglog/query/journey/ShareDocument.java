package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.util.List;

/**
 * {@code share:<id>}: a shared learning, its adoptions and its responses, each stamped.
 * {@code programmeId} is {@code null} while only adoptions or responses arrived. Written and read
 * here only, field by field in the stored order.
 *
 * @param placeId the sharing place; {@code null} when shared from across the programme
 */
public record ShareDocument(String programmeId, String placeId, String title, String summary, boolean wholeProgramme,
                            List<String> audiencePlaceIds, List<String> audienceFunderIds, List<String> insightIds,
                            List<String> adaptationIds, Instant recordedAt, List<Adoption> adoptions,
                            List<Response> responses) {

    private static final String ADOPTIONS = "adoptions";
    private static final String RESPONSES = "responses";

    public static ShareDocument of(Document share) {
        return share == null ? null : new ShareDocument(share.getString("programmeId"), share.getString("placeId"),
                share.getString("title"), share.getString("summary"), share.getBoolean("wholeProgramme", false),
                DocumentFields.strings(share, "audiencePlaceIds"), DocumentFields.strings(share, "audienceFunderIds"),
                DocumentFields.strings(share, "insightIds"), DocumentFields.strings(share, "adaptationIds"),
                Stamped.instantOf(share), DocumentFields.documents(share, ADOPTIONS).stream().map(Adoption::of).toList(),
                DocumentFields.documents(share, RESPONSES).stream().map(Response::of).toList());
    }

    /** Writes the share into its document (being edited); its adoptions and responses are left as they are. */
    void writeTo(Document share, long position) {
        share.append("programmeId", programmeId).append("placeId", placeId).append("title", title)
                .append("summary", summary).append("wholeProgramme", wholeProgramme)
                .append("audiencePlaceIds", DocumentFields.list(audiencePlaceIds))
                .append("audienceFunderIds", DocumentFields.list(audienceFunderIds))
                .append("insightIds", DocumentFields.list(insightIds))
                .append("adaptationIds", DocumentFields.list(adaptationIds))
                .append(Stamped.AT, DocumentFields.date(recordedAt)).append(Stamped.POSITION, position);
    }

    public record Adoption(String placeId, String practiceId, String adaptationId, String note, long position,
                           Instant recordedAt) implements Stamped {

        static Adoption of(Document adoption) {
            return new Adoption(adoption.getString("placeId"), adoption.getString("practiceId"),
                    adoption.getString("adaptationId"), adoption.getString("note"), Stamped.positionOf(adoption),
                    Stamped.instantOf(adoption));
        }

        void appendTo(Document share) {
            DocumentFields.appendable(share, ADOPTIONS).add(Stamped.stamp(new Document("placeId", placeId)
                    .append("practiceId", practiceId).append("adaptationId", adaptationId).append("note", note), position, recordedAt));
        }
    }

    public record Response(String placeId, String kind, String text, long position, Instant recordedAt) implements Stamped {

        static Response of(Document response) {
            return new Response(response.getString("placeId"), response.getString("kind"), response.getString("text"),
                    Stamped.positionOf(response), Stamped.instantOf(response));
        }

        void appendTo(Document share) {
            DocumentFields.appendable(share, RESPONSES).add(Stamped.stamp(new Document("placeId", placeId)
                    .append("kind", kind).append("text", text), position, recordedAt));
        }
    }
}
