package org.learninglog.query.flow;

import org.learninglog.query.NotFoundException;
import org.learninglog.query.flow.FlowDocuments.Adoption;
import org.learninglog.query.flow.FlowDocuments.Flow;
import org.learninglog.query.flow.FlowDocuments.Item;
import org.learninglog.query.flow.FlowDocuments.Place;
import org.learninglog.query.flow.FlowDocuments.Share;
import org.learninglog.query.flow.FlowDocuments.Travelled;
import org.bson.Document;
import org.learninglog.query.view.LiveViews;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.ViewReader;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The learning flow of a programme: as it stands, from its document's running tallies; cut to an
 * instant or a day, its places and the items of its log folded (a document of the former shape, its
 * items folded whichever the cut).
 */
@Component
public class FlowQueries {

    static final String NOTHING_RECORDED = "Nothing is recorded for this programme (yet)";

    private final LiveViews views;

    public FlowQueries(LiveViews views) {
        this.views = views;
    }

    public LearningFlow flow(String programmeId, Instant asOf, LocalDate on) {
        return flow(views.reader(LearningFlowProjection.NAME), programmeId, asOf, on);
    }

    public static LearningFlow flow(ViewReader reader, String programmeId, Instant asOf) {
        return flow(reader, programmeId, asOf, null);
    }

    /**
     * The flow as the record stood at {@code asOf} and, with {@code on}, of what had travelled by the
     * end of that day in the story; places, which have no story day, by {@code asOf} alone.
     */
    public static LearningFlow flow(ViewReader reader, String programmeId, Instant asOf, LocalDate on) {
        Document document = reader.require(FlowDocuments.flowId(programmeId), "programmeId", NOTHING_RECORDED);
        FlowTallies tallies = FlowTallies.of(document);
        if (tallies == null) {
            return fold(Flow.of(document), programmeId, asOf, on); // a flow document of the former shape
        }
        if (asOf == null && on == null && tallies.exact()) {
            return tallies.flow(programmeId, Flow.places(document));
        }
        return fold(items(reader, programmeId, document), programmeId, asOf, on);
    }

    /** The places and every share and adoption on the flow's log, in the order recorded. */
    static Flow items(ViewReader reader, String programmeId, Document document) {
        String key = FlowDocuments.flowId(programmeId);
        return Flow.of(document, reader.entries(key, 0, PagedLog.count(document), Travelled::of, item -> true, Integer.MAX_VALUE));
    }

    /** Folds every item recorded by {@code asOf} (and travelled by {@code on}) into nodes and edges. */
    static LearningFlow fold(Flow flow, String programmeId, Instant asOf, LocalDate on) {
        Predicate<Item> moment = item -> (asOf == null || !item.recordedAt().isAfter(asOf))
                && (on == null || !(item instanceof Travelled travelled) || !travelled.storyDay().isAfter(on));
        Map<String, long[]> tallies = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Instant> registered = new LinkedHashMap<>();
        for (Place place : flow.places()) {
            if (moment.test(place)) {
                names.put(place.placeId(), place.name());
                registered.put(place.placeId(), place.recordedAt());
                tallies.put(place.placeId(), new long[TALLIES]);
            }
        }
        Map<String, EdgeTally> edges = new LinkedHashMap<>();
        for (Share share : flow.shares()) {
            if (moment.test(share)) {
                String from = orProgramme(share.from());
                tally(tallies, from)[SHARED]++;
                for (String to : share.to()) {
                    edges.computeIfAbsent(from + ">" + to + ">shared", k -> new EdgeTally(from, to, "shared")).add(share);
                }
                for (String to : recipients(share, from, registered)) {
                    tally(tallies, to)[RECEIVED]++;
                }
            }
        }
        for (Adoption adoption : flow.adoptions()) {
            if (moment.test(adoption)) {
                String from = orProgramme(adoption.from());
                String by = adoption.by();
                tally(tallies, by)[ADOPTED]++;
                tally(tallies, from)[TAKEN_UP]++;
                edges.computeIfAbsent(from + ">" + by + ">adopted", k -> new EdgeTally(from, by, "adopted")).add(adoption);
            }
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
    private static Set<String> recipients(Share share, String from, Map<String, Instant> registered) {
        Set<String> recipients = new LinkedHashSet<>(share.to());
        if (share.wholeProgramme()) {
            Instant sharedAt = share.recordedAt();
            registered.forEach((placeId, at) -> {
                if (at == null || sharedAt == null || !at.isAfter(sharedAt)) {
                    recipients.add(placeId);
                }
            });
        }
        recipients.remove(from);
        return recipients;
    }

    static String orProgramme(String placeId) {
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
