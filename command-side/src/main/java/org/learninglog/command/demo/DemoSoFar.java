package org.learninglog.command.demo;

import org.learninglog.command.programme.DefaultFramework;
import org.learninglog.events.framework.LearningFramework;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a load of the demo has made so far: the ids it derived and what became of them. */
final class DemoSoFar {

    /** A shared learning waiting to be taken up; {@code placeId} is null when the learning partner shared it. */
    record Shared(String sharedId, String placeId) {
    }

    /** An adaptation waiting for its outcome to be reviewed. */
    record Unreviewed(String placeId, String practiceId, String adaptationId) {
    }

    final List<String> places = new ArrayList<>();
    final Map<String, String> placeIdByName = new HashMap<>();
    final Map<String, List<String>> membersOf = new LinkedHashMap<>();
    final Map<String, List<String>> quotableMembersOf = new LinkedHashMap<>();
    final Map<String, List<String>> insightsOf = new LinkedHashMap<>();
    final Map<String, List<String>> practicesOf = new LinkedHashMap<>();
    final Map<String, List<String>> adaptationsOf = new LinkedHashMap<>();
    /** The version of each insight, practice and shared learning, for the next update's expected version. */
    final Map<String, Long> versions = new LinkedHashMap<>();
    final List<String> retracted = new ArrayList<>();
    final List<String> retired = new ArrayList<>();
    final List<String> learningPartners = new ArrayList<>();
    final List<String> funders = new ArrayList<>();
    final List<Unreviewed> unreviewed = new ArrayList<>();
    final List<Shared> shared = new ArrayList<>();
    String administrator;
    /** The person who responds to shared learning for the funders. */
    String fundersVoice;
    LearningFramework framework = DefaultFramework.FRAMEWORK;
    /** Numbers the insights and adaptations, whose ids are derived from it. */
    int sequence;

    String placeId(String name) {
        String placeId = placeIdByName.get(name);
        if (placeId == null) {
            throw new IllegalArgumentException("The demo names a place it does not have: " + name);
        }
        return placeId;
    }

    /** The place's newest insights that still stand. */
    List<String> recentInsights(String placeId, int how) {
        List<String> standing = standingInsights(placeId);
        return standing.subList(Math.max(0, standing.size() - how), standing.size());
    }

    /** An insight of the place that still stands, counted from its oldest. */
    String standing(String placeId, int index) {
        return standingInsights(placeId).get(index);
    }

    private List<String> standingInsights(String placeId) {
        return insightsOf.get(placeId).stream().filter(i -> !retracted.contains(i)).toList();
    }

    List<String> practicesInUse(String placeId) {
        return practicesOf.get(placeId).stream().filter(p -> !retired.contains(p)).toList();
    }

    /**
     * An identifier derived from a name, the same on every load, but opaque: a name (of a person
     * above all) may never show in an identifier.
     */
    static String id(String kind, String name) {
        return kind + "-" + UUID.nameUUIDFromBytes((kind + "/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
