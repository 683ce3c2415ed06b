package org.learninglog.query.flow;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.journey.VersionHistories;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.LiveViews;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The learning flow of a programme: its one document, folded to now or to an instant. */
@Component
public class FlowQueries {

    private final LiveViews views;

    public FlowQueries(LiveViews views) {
        this.views = views;
    }

    public LearningFlow flow(String programmeId, Instant asOf) {
        return flow(views.reader(LearningFlowProjection.NAME), programmeId, asOf);
    }

    public static LearningFlow flow(ViewReader reader, String programmeId, Instant asOf) {
        Document flow = reader.get(LearningFlowProjection.flowId(programmeId));
        if (flow == null) {
            throw new NotFoundException("programmeId", "Nothing is recorded for this programme (yet)");
        }
        Predicate<Document> moment = VersionHistories.upTo(asOf);
        Map<String, long[]> tallies = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Instant> registered = new LinkedHashMap<>();
        for (Document place : VersionHistories.stamped(flow, "places", moment)) {
            names.put(place.getString("placeId"), place.getString("name"));
            registered.put(place.getString("placeId"), DocumentFields.instant(place, "at"));
            tallies.put(place.getString("placeId"), new long[TALLIES]);
        }
        Map<String, EdgeTally> edges = new LinkedHashMap<>();
        for (Document share : VersionHistories.stamped(flow, "shares", moment)) {
            String from = orProgramme(share.getString("from"));
            tally(tallies, from)[SHARED]++;
            for (String to : DocumentFields.strings(share, "to")) {
                edges.computeIfAbsent(from + ">" + to + ">shared", k -> new EdgeTally(from, to, "shared")).add(share);
            }
            for (String to : recipients(share, from, registered)) {
                tally(tallies, to)[RECEIVED]++;
            }
        }
        for (Document adoption : VersionHistories.stamped(flow, "adoptions", moment)) {
            String from = orProgramme(adoption.getString("from"));
            String by = adoption.getString("by");
            tally(tallies, by)[ADOPTED]++;
            tally(tallies, from)[TAKEN_UP]++;
            edges.computeIfAbsent(from + ">" + by + ">adopted", k -> new EdgeTally(from, by, "adopted")).add(adoption);
        }
        if (tallies.isEmpty()) {
            throw new NotFoundException("programmeId", "Nothing was recorded for this programme by " + asOf);
        }
        List<LearningFlow.Node> nodes = new ArrayList<>();
        tallies.forEach((placeId, tally) -> nodes.add(new LearningFlow.Node(placeId,
                LearningFlow.PROGRAMME.equals(placeId) ? "the programme" : names.get(placeId), tally[SHARED], tally[RECEIVED],
                tally[ADOPTED], tally[TAKEN_UP])));
        return new LearningFlow(programmeId, asOf, nodes, edges.values().stream().map(EdgeTally::edge).toList());
    }

    /**
     * The places a share reached: those its audience names, and for a share to the whole programme
     * every place registered by then; never the sharing place itself.
     */
    private static Set<String> recipients(Document share, String from, Map<String, Instant> registered) {
        Set<String> recipients = new LinkedHashSet<>(DocumentFields.strings(share, "to"));
        if (share.getBoolean("wholeProgramme", false)) {
            Instant sharedAt = DocumentFields.instant(share, "at");
            registered.forEach((placeId, at) -> {
                if (at == null || sharedAt == null || !at.isAfter(sharedAt)) {
                    recipients.add(placeId);
                }
            });
        }
        recipients.remove(from);
        return recipients;
    }

    private static String orProgramme(String placeId) {
        return placeId == null ? LearningFlow.PROGRAMME : placeId;
    }

    private static final int SHARED = 0;
    private static final int RECEIVED = 1;
    private static final int ADOPTED = 2;
    private static final int TAKEN_UP = 3;
    private static final int TALLIES = 4;

    private static long[] tally(Map<String, long[]> tallies, String placeId) {
        return tallies.computeIfAbsent(placeId, p -> new long[TALLIES]);
    }

    private static final class EdgeTally {
        private final String from;
        private final String to;
        private final String kind;
        private long count;
        private Instant first;
        private Instant last;
        private final List<String> ids = new ArrayList<>();

        EdgeTally(String from, String to, String kind) {
            this.from = from;
            this.to = to;
            this.kind = kind;
        }

        void add(Document item) {
            Instant at = DocumentFields.instant(item, "at");
            count++;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            if (!ids.contains(item.getString("sharedLearningId"))) {
                ids.add(item.getString("sharedLearningId"));
            }
        }

        LearningFlow.Edge edge() {
            return new LearningFlow.Edge(from, to, kind, count, first, last, List.copyOf(ids));
        }
    }
}
