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

    public record Node(String placeId, String name, long shared, long adopted, long received) {
    }

    public record Edge(String from, String to, String kind, long count, Instant first, Instant last,
                       List<String> sharedLearningIds) {
    }
}
