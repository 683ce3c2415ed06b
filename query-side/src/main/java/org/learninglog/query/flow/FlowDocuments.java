package org.learninglog.query.flow;

import org.bson.Document;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The learning flow view's stored shape: every document and field name in one place, written and
 * read through the records below (the projection writes them, {@link FlowQueries} reads them), so
 * the two sides share types instead of string field names.
 *
 * <ul>
 *   <li>{@code flow:<programmeId>}: the programme's {@code places} (few), each stamped with the
 *       position ({@code pos}) and instant ({@code at}) it was recorded at; the head of a
 *       {@link org.learninglog.query.view.PagedLog} of its shares and adoptions in the order
 *       recorded (pages {@code flow:<programmeId>#<n>}, each entry an {@link Item} with its
 *       {@code kind}); and the running {@code tallies} of the flow as it stands now
 *       ({@link FlowTallies}), so the uncut flow is this one document, folded from nothing;</li>
 *   <li>{@code origin:<sharedLearningId>}: the place a learning was shared from ({@code placeId}).</li>
 * </ul>
 * A flow document from before it was paged has no {@code tallies} and keeps every share and
 * adoption in lists of its own ({@code shares}, {@code adoptions}): it is still written and read
 * that way ({@link #isPaged}) until the view is rebuilt.
 * Each record maps itself to and from its document; a field's order here is its order on disk.
 */
final class FlowDocuments {

    static final String PLACES = "places";
    private static final String SHARES = "shares";
    private static final String ADOPTIONS = "adoptions";
    static final String TALLIES = "tallies";
    private static final String KIND = "kind";
    private static final String POSITION = "pos";
    private static final String AT = "at";
    private static final String HAPPENED_ON = "happenedOn";

    private FlowDocuments() {
    }

    static String flowId(String programmeId) {
        return "flow:" + programmeId;
    }

    static String originId(String sharedLearningId) {
        return "origin:" + sharedLearningId;
    }

    /** Whether a flow document keeps its shares and adoptions in a paged log (not in lists of its own, as before). */
    static boolean isPaged(Document flow) {
        return flow.get(TALLIES) != null;
    }

    /** A flow document just made: nothing but its {@code _id} and position yet. */
    static boolean isNew(Document flow) {
        return flow.get(PLACES) == null && flow.get(SHARES) == null && flow.get(ADOPTIONS) == null && flow.get(TALLIES) == null;
    }

    /** A programme's flow, read: from a document of the former shape, or its places and log's entries. */
    record Flow(List<Place> places, List<Share> shares, List<Adoption> adoptions) {

        static Flow of(Document flow) {
            return new Flow(places(flow),
                    DocumentFields.documents(flow, SHARES).stream().map(Share::of).toList(),
                    DocumentFields.documents(flow, ADOPTIONS).stream().map(Adoption::of).toList());
        }

        static Flow of(Document flow, List<Travelled> logged) {
            return new Flow(places(flow),
                    logged.stream().filter(Share.class::isInstance).map(Share.class::cast).toList(),
                    logged.stream().filter(Adoption.class::isInstance).map(Adoption.class::cast).toList());
        }

        static List<Place> places(Document flow) {
            return DocumentFields.documents(flow, PLACES).stream().map(Place::of).toList();
        }
    }

    /** An item of the flow: kept with when it was recorded, so the flow folds to any instant. */
    sealed interface Item permits Place, Travelled {

        Instant recordedAt();

        /** Appends this item to its list in the flow document. */
        void appendTo(Document flow);
    }

    /** Learning that travelled: a share or an adoption. */
    sealed interface Travelled extends Item permits Share, Adoption {

        String sharedLearningId();

        /** The story's day it travelled on; {@code null} in a flow stored before flows kept it. */
        LocalDate happenedOn();

        /** The story's day, or the day it was recorded (UTC) when the stored item has none. */
        default LocalDate storyDay() {
            return happenedOn() != null ? happenedOn() : LocalDate.ofInstant(recordedAt(), ZoneOffset.UTC);
        }

        /** The entry of the flow's log this item is. */
        Document entry();

        /** An entry of the flow's log, read. */
        static Travelled of(Document entry) {
            return ADOPTIONS.equals(entry.getString(KIND)) ? Adoption.of(entry) : Share.of(entry);
        }
    }

    record Place(String placeId, String name, long position, Instant recordedAt) implements Item {

        static Place of(Document item) {
            return new Place(item.getString("placeId"), item.getString("name"), positionOf(item), DocumentFields.instant(item, AT));
        }

        @Override
        public void appendTo(Document flow) {
            DocumentFields.appendable(flow, PLACES).add(stamped(new Document("placeId", placeId).append("name", name), position, recordedAt));
        }
    }

    /** @param from the sharing place; {@code null} for learning shared across the programme */
    record Share(String sharedLearningId, String from, String title, boolean wholeProgramme, List<String> to,
                 LocalDate happenedOn, long position, Instant recordedAt) implements Travelled {

        static Share of(Document item) {
            return new Share(item.getString("sharedLearningId"), item.getString("from"), item.getString("title"),
                    item.getBoolean("wholeProgramme", false), DocumentFields.strings(item, "to"), day(item), positionOf(item),
                    DocumentFields.instant(item, AT));
        }

        @Override
        public void appendTo(Document flow) {
            DocumentFields.appendable(flow, SHARES).add(stamped(fields(new Document()), position, recordedAt));
        }

        @Override
        public Document entry() {
            return stamped(fields(new Document(KIND, SHARES)), position, recordedAt);
        }

        private Document fields(Document item) {
            return item.append("sharedLearningId", sharedLearningId).append("from", from).append("title", title)
                    .append("wholeProgramme", wholeProgramme).append("to", DocumentFields.list(to))
                    .append(HAPPENED_ON, happenedOn == null ? null : happenedOn.toString());
        }
    }

    /** @param from the place the learning was shared from, if known; {@code by} the place that adopted it */
    record Adoption(String sharedLearningId, String from, String by, String practiceId, String adaptationId,
                    LocalDate happenedOn, long position, Instant recordedAt) implements Travelled {

        static Adoption of(Document item) {
            return new Adoption(item.getString("sharedLearningId"), item.getString("from"), item.getString("by"),
                    item.getString("practiceId"), item.getString("adaptationId"), day(item), positionOf(item),
                    DocumentFields.instant(item, AT));
        }

        @Override
        public void appendTo(Document flow) {
            DocumentFields.appendable(flow, ADOPTIONS).add(stamped(fields(new Document()), position, recordedAt));
        }

        @Override
        public Document entry() {
            return stamped(fields(new Document(KIND, ADOPTIONS)), position, recordedAt);
        }

        private Document fields(Document item) {
            return item.append("sharedLearningId", sharedLearningId).append("from", from).append("by", by)
                    .append("practiceId", practiceId).append("adaptationId", adaptationId)
                    .append(HAPPENED_ON, happenedOn == null ? null : happenedOn.toString());
        }
    }

    /** Where a learning was shared from, to draw the edge of its adoption. */
    record Origin(String placeId) {

        static Origin of(Document origin) {
            return origin == null ? null : new Origin(origin.getString("placeId"));
        }

        void writeTo(Document origin) {
            origin.append("placeId", placeId);
        }
    }

    private static Document stamped(Document item, long position, Instant recordedAt) {
        return item.append(POSITION, position).append(AT, DocumentFields.date(recordedAt));
    }

    private static LocalDate day(Document item) {
        String day = item.getString(HAPPENED_ON);
        return day == null ? null : LocalDate.parse(day);
    }

    private static long positionOf(Document item) {
        return item.get(POSITION, Number.class).longValue();
    }
}
