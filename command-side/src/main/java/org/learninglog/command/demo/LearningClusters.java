package org.learninglog.command.demo;

import org.learninglog.command.activity.EvaluateSessionCommand;
import org.learninglog.command.activity.RecordActivitySessionCommand;
import org.learninglog.command.activity.SetUpActivityCommand;
import org.learninglog.events.activity.SessionEvaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's learning clusters: each set up by a learning partner, then its sessions held, each
 * facilitated by the partners in turn and followed by its forms' counts.
 */
final class LearningClusters {

    private static final String KIND = "learning cluster session";
    private static final List<String> SCALE = List.of("excellent", "good", "fair", "poor");
    private static final List<String> GOT_WHAT_THEY_WANTED = List.of("all", "some", "none");

    private final DemoContent content;
    private final DemoSoFar soFar;
    private final DemoSender sender;

    LearningClusters(DemoContent content, DemoSoFar soFar, DemoSender sender) {
        this.content = content;
        this.soFar = soFar;
        this.sender = sender;
    }

    void play() {
        for (DemoContent.LearningCluster cluster : content.learningClusters()) {
            String activityId = DemoSoFar.id("activity", cluster.topic());
            String partner = soFar.learningPartners.get(0);
            List<String> places = cluster.places().stream().map(soFar::placeId).toList();
            sender.send(new SetUpActivityCommand(activityId, content.programme().id(), KIND, cluster.topic(), places,
                    cluster.startsOn(), cluster.endsOn(), SCALE, cluster.usefulOptions(), partner));
            for (int i = 0; i < cluster.sessions().size(); i++) {
                DemoContent.ClusterSession session = cluster.sessions().get(i);
                String facilitator = soFar.learningPartners.get(i % soFar.learningPartners.size());
                sender.send(new RecordActivitySessionCommand(activityId, null, session.day(), facilitator,
                        counts(places, session.came()), List.of(), partner));
                sender.send(new EvaluateSessionCommand(activityId, null, i + 1, new SessionEvaluation(session.returned(),
                        counts(SCALE, session.ratings()), counts(cluster.usefulOptions(), session.mostUseful()),
                        counts(GOT_WHAT_THEY_WANTED, session.gotWhatTheyWanted()), List.of(), List.of()), partner));
            }
        }
    }

    /** The counts named in order; a zero is left out, as a form-counter would leave the box blank. */
    private static Map<String, Integer> counts(List<String> names, List<Integer> counts) {
        if (counts.size() != names.size()) {
            throw new IllegalStateException("The demo's counts " + counts + " do not match " + names);
        }
        Map<String, Integer> named = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (counts.get(i) != 0) {
                named.put(names.get(i), counts.get(i));
            }
        }
        return named;
    }
}
