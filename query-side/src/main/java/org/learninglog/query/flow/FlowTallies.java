package org.learninglog.query.flow;

import org.bson.Document;
import org.learninglog.query.flow.FlowDocuments.Adoption;
import org.learninglog.query.flow.FlowDocuments.Place;
import org.learninglog.query.flow.FlowDocuments.Share;
import org.learninglog.query.flow.FlowDocuments.Travelled;
import org.learninglog.query.view.DocumentFields;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The flow as it stands now, kept up by the projection in the flow document's {@code tallies}, so
 * that the flow without a cut is read from one document and folds nothing: however long the
 * programme's history, its size grows with its places, edges and the ids on them, not with its
 * shares and adoptions.
 *
 * <p>The tallies give exactly what folding every item would ({@link FlowQueries#fold}), in the
 * fold's order: nodes are the places as registered, then the places first tallied by a share, then
 * those first tallied by an adoption; edges the shared ones as first drawn, then the adopted ones.
 * One answer of the fold is not kept up: a share to the whole programme reaches every place
 * registered at or before the instant it was recorded, so a place whose registration is applied after
 * such a share yet recorded no later (a late commit) reaches back into shares already tallied; and a
 * place registered twice takes its latest name and instant. Then the tallies say they are not
 * {@code exact} and the flow is folded from its items, as a cut flow is.
 *
 * <pre>
 * tallies: { exact, wholeAt (the latest share to the whole programme),
 *            nodes: { &lt;place&gt;: {placeId, shared, received, adopted, takenUp} } (in the order first tallied),
 *            shareOrder: [place, ...] (in the order first tallied by a share),
 *            shared: { &lt;from&gt;&gt;&lt;to&gt;: {from, to, count, first, last, ids} }, adopted: { ... } }
 * </pre>
 */
final class FlowTallies {

    private static final String EXACT = "exact";
    private static final String WHOLE_AT = "wholeAt";
    private static final String NODES = "nodes";
    private static final String SHARE_ORDER = "shareOrder";
    private static final String SHARED = "shared";
    private static final String RECEIVED = "received";
    private static final String ADOPTED = "adopted";
    private static final String TAKEN_UP = "takenUp";

    private final Document tallies;

    private FlowTallies(Document tallies) {
        this.tallies = tallies;
    }

    /** The tallies of a flow document of the paged shape; {@code null} for one of the former shape. */
    static FlowTallies of(Document flow) {
        Document tallies = flow.get(FlowDocuments.TALLIES, Document.class);
        return tallies == null ? null : new FlowTallies(tallies);
    }

    /** Starts the tallies of a new flow document: it is of the paged shape from now on. */
    static FlowTallies start(Document flow) {
        Document tallies = new Document(EXACT, true).append(NODES, new Document()).append(SHARE_ORDER, new ArrayList<String>())
                .append(SHARED, new Document()).append(ADOPTED, new Document());
        flow.put(FlowDocuments.TALLIES, tallies);
        return new FlowTallies(tallies);
    }

    /** Whether the tallies answer as the fold does (see the class comment for when they do not). */
    boolean exact() {
        return tallies.getBoolean(EXACT, false);
    }

    /** Notes a place about to be added to {@code places} (those registered before it). */
    void placeRegistered(Place place, List<Place> places) {
        Instant wholeAt = DocumentFields.instant(tallies, WHOLE_AT);
        boolean again = places.stream().anyMatch(before -> before.placeId().equals(place.placeId()));
        if (again || (wholeAt != null && (place.recordedAt() == null || !place.recordedAt().isAfter(wholeAt)))) {
            tallies.put(EXACT, false);
        }
    }

    /** Tallies a share as the fold does, with the places registered so far. */
    void shared(Share share, List<Place> places) {
        String from = FlowQueries.orProgramme(share.from());
        node(from, true).merge(SHARED, 1L, FlowTallies::plus);
        for (String to : share.to()) {
            edge(SHARED, from, to).add(share);
        }
        Set<String> recipients = new LinkedHashSet<>(share.to());
        if (share.wholeProgramme()) {
            Instant sharedAt = share.recordedAt();
            for (Place place : places) {
                if (place.recordedAt() == null || sharedAt == null || !place.recordedAt().isAfter(sharedAt)) {
                    recipients.add(place.placeId());
                }
            }
            Instant wholeAt = DocumentFields.instant(tallies, WHOLE_AT);
            if (sharedAt == null) {
                tallies.put(EXACT, false);
            } else if (wholeAt == null || sharedAt.isAfter(wholeAt)) {
                tallies.put(WHOLE_AT, DocumentFields.date(sharedAt));
            }
        }
        recipients.remove(from);
        for (String to : recipients) {
            node(to, true).merge(RECEIVED, 1L, FlowTallies::plus);
        }
    }

    /** Tallies an adoption as the fold does. */
    void adopted(Adoption adoption) {
        String from = FlowQueries.orProgramme(adoption.from());
        node(adoption.by(), false).merge(ADOPTED, 1L, FlowTallies::plus);
        node(from, false).merge(TAKEN_UP, 1L, FlowTallies::plus);
        edge(ADOPTED, from, adoption.by()).add(adoption);
    }

    /** The flow as it stands, in the fold's order. */
    LearningFlow flow(String programmeId, List<Place> places) {
        Document nodes = tallies.get(NODES, Document.class);
        Set<String> order = new LinkedHashSet<>();
        places.forEach(place -> order.add(place.placeId()));
        order.addAll(DocumentFields.strings(tallies, SHARE_ORDER));
        nodes.values().forEach(node -> order.add(((Document) node).getString("placeId")));
        List<LearningFlow.Node> answer = new ArrayList<>();
        for (String placeId : order) {
            Document node = nodes.get(DocumentFields.key(placeId), Document.class);
            String name = LearningFlow.PROGRAMME.equals(placeId) ? "the programme" : places.stream()
                    .filter(place -> place.placeId().equals(placeId)).map(Place::name).reduce((first, last) -> last).orElse(null);
            answer.add(new LearningFlow.Node(placeId, name, count(node, SHARED), count(node, RECEIVED), count(node, ADOPTED),
                    count(node, TAKEN_UP)));
        }
        List<LearningFlow.Edge> edges = new ArrayList<>();
        for (String kind : List.of(SHARED, ADOPTED)) {
            tallies.get(kind, Document.class).values().forEach(edge -> edges.add(new Edge((Document) edge).edge(kind)));
        }
        return new LearningFlow(programmeId, null, answer, edges);
    }

    private Document node(String placeId, boolean byShare) {
        Document nodes = tallies.get(NODES, Document.class);
        String key = DocumentFields.key(placeId);
        Document node = nodes.get(key, Document.class);
        if (node == null) {
            node = new Document("placeId", placeId).append(SHARED, 0L).append(RECEIVED, 0L).append(ADOPTED, 0L).append(TAKEN_UP, 0L);
            nodes.put(key, node);
        }
        if (byShare && !node.getBoolean("byShare", false)) {
            node.put("byShare", true);
            List<String> shareOrder = tallies.getList(SHARE_ORDER, String.class);
            if (shareOrder == null) {
                shareOrder = new ArrayList<>();
                tallies.put(SHARE_ORDER, shareOrder);
            }
            shareOrder.add(placeId);
        }
        return node;
    }

    private Edge edge(String kind, String from, String to) {
        Document edges = tallies.get(kind, Document.class);
        String key = DocumentFields.key(from + ">" + to);
        Document edge = edges.get(key, Document.class);
        if (edge == null) {
            edge = new Document("from", from).append("to", to).append("count", 0L).append("first", null).append("last", null)
                    .append("ids", new ArrayList<String>());
            edges.put(key, edge);
        }
        return new Edge(edge);
    }

    private static long count(Document node, String field) {
        return node == null ? 0 : node.get(field, Number.class).longValue();
    }

    private static Object plus(Object a, Object b) {
        return ((Number) a).longValue() + ((Number) b).longValue();
    }

    /** An edge's tally: how many travelled along it, first and last recorded, and which learnings (each once). */
    private record Edge(Document edge) {

        void add(Travelled item) {
            Instant at = item.recordedAt();
            Instant first = DocumentFields.instant(edge, "first");
            Instant last = DocumentFields.instant(edge, "last");
            edge.put("count", edge.get("count", Number.class).longValue() + 1);
            edge.put("first", DocumentFields.date(first == null || at.isBefore(first) ? at : first));
            edge.put("last", DocumentFields.date(last == null || at.isAfter(last) ? at : last));
            List<String> ids = edge.getList("ids", String.class);
            if (ids == null) {
                ids = new ArrayList<>();
                edge.put("ids", ids);
            }
            if (!ids.contains(item.sharedLearningId())) {
                ids.add(item.sharedLearningId());
            }
        }

        LearningFlow.Edge edge(String kind) {
            return new LearningFlow.Edge(edge.getString("from"), edge.getString("to"), kind, edge.get("count", Number.class).longValue(),
                    DocumentFields.instant(edge, "first"), DocumentFields.instant(edge, "last"),
                    List.copyOf(DocumentFields.strings(edge, "ids")));
        }
    }
}
