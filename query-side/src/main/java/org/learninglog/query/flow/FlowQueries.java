package org.learninglog.query.flow;

import org.learninglog.query.NotFoundException;
import org.learninglog.query.flow.FlowDocuments.Adoption;
import org.learninglog.query.flow.FlowDocuments.Flow;
import org.learninglog.query.flow.FlowDocuments.Item;
import org.learninglog.query.flow.FlowDocuments.Place;
import org.learninglog.query.flow.FlowDocuments.Share;
import org.learninglog.query.flow.FlowDocuments.Travelled;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.ViewReader;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The learning flow of a programme: its one document, folded to now or to an instant. */
@Component
public class FlowQueries {

    static final String NOTHING_RECORDED = "Nothing is recorded for this programme (yet)";

    private final LiveViews views;

    public FlowQueries(LiveViews views) {
        this.views = views;
    }

    public LearningFlow flow(String programmeId, Instant asOf) {
        return flow(views.reader(LearningFlowProjection.NAME), programmeId, asOf);
    }

    public static LearningFlow flow(ViewReader reader, String programmeId, Instant asOf) {
        Flow flow = Flow.of(reader.require(FlowDocuments.flowId(programmeId), "programmeId", NOTHING_RECORDED));
        Predicate<Item> moment = item -> asOf == null || !item.recordedAt().isAfter(asOf);
        Map<String, long[]> tallies = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Place place : flow.places()) {
            if (moment.test(place)) {
                names.put(place.placeId(), place.name());
                tallies.put(place.placeId(), new long[3]);
            }
        }
        Map<String, EdgeTally> edges = new LinkedHashMap<>();
        for (Share share : flow.shares()) {
            if (moment.test(share)) {
                String from = orProgramme(share.from());
                tally(tallies, from)[0]++;
                for (String to : share.to()) {
                    edges.computeIfAbsent(from + ">" + to + ">shared", k -> new EdgeTally(from, to, "shared")).add(share);
                }
            }
        }
        for (Adoption adoption : flow.adoptions()) {
            if (moment.test(adoption)) {
                String from = orProgramme(adoption.from());
                String by = adoption.by();
                tally(tallies, by)[1]++;
                tally(tallies, from)[2]++;
                edges.computeIfAbsent(from + ">" + by + ">adopted", k -> new EdgeTally(from, by, "adopted")).add(adoption);
            }
        }
        if (tallies.isEmpty()) {
            throw new NotFoundException("programmeId", "Nothing was recorded for this programme by " + asOf);
        }
        List<LearningFlow.Node> nodes = new ArrayList<>();
        tallies.forEach((placeId, tally) -> nodes.add(new LearningFlow.Node(placeId,
                LearningFlow.PROGRAMME.equals(placeId) ? "the programme" : names.get(placeId), tally[0], tally[1], tally[2])));
        return new LearningFlow(programmeId, asOf, nodes, edges.values().stream().map(EdgeTally::edge).toList());
    }

    private static String orProgramme(String placeId) {
        return placeId == null ? LearningFlow.PROGRAMME : placeId;
    }

    /** shared, adopted (by this place), taken up (this place's learning adopted elsewhere) */
    private static long[] tally(Map<String, long[]> tallies, String placeId) {
        return tallies.computeIfAbsent(placeId, p -> new long[3]);
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

        void add(Travelled item) {
            Instant at = item.recordedAt();
            count++;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            if (!ids.contains(item.sharedLearningId())) {
                ids.add(item.sharedLearningId());
            }
        }

        LearningFlow.Edge edge() {
            return new LearningFlow.Edge(from, to, kind, count, first, last, List.copyOf(ids));
        }
    }
}
