package org.learninglog.query.flow;

import java.time.Instant;
import java.util.List;

/**
 * Places as nodes, learning that travelled as edges. A "shared" edge runs from the sharing place
 * to a place it addressed; an "adopted" edge from the sharing place to the place that took the
 * learning up. {@code PROGRAMME} stands for learning shared from across the programme.
 */
public record LearningFlow(String programmeId, Instant asOf, List<Node> nodes, List<Edge> edges) {

    public static final String PROGRAMME = "PROGRAMME";

    /**
     * One place (or {@code PROGRAMME}) and the learning that went through it.
     *
     * @param shared   shared learnings this place shared
     * @param received shared learnings that reached this place: its audience named it, or it went
     *                 to the whole programme while the place was registered (never its own)
     * @param adopted  shared learnings from elsewhere this place adopted
     * @param takenUp  adoptions elsewhere of learning this place shared
     */
    public record Node(String placeId, String name, long shared, long received, long adopted, long takenUp) {
    }

    public record Edge(String from, String to, String kind, long count, Instant first, Instant last,
                       List<String> sharedLearningIds) {
    }
}
