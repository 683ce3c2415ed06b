package org.learninglog.query.report;

import org.learninglog.query.activity.ActivityReading.AnswerShare;
import org.learninglog.query.report.SynthesisReport.AcrossActivities;
import org.learninglog.query.report.SynthesisReport.ActivityPart;
import org.learninglog.query.report.SynthesisReport.ActivityShare;
import org.learninglog.query.report.SynthesisReport.SessionPart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every answer pooled across the period's activities (all their evaluated sessions' counts over all
 * their forms returned), with each activity's own pooled share beside it: the seed reviews' "84 %
 * found networking most useful" and "25–60 % by cluster" read from the same counts.
 */
final class AcrossActivitiesFold {

    private AcrossActivitiesFold() {
    }

    static List<AcrossActivities> of(List<ActivityPart> activities) {
        Map<String, Map<String, long[]>> byAnswer = new LinkedHashMap<>(); // "question|answer" -> activity -> {count, base}
        for (ActivityPart activity : activities) {
            for (SessionPart session : activity.sessions()) {
                if (session.formsReturned() == null) {
                    continue;
                }
                add(byAnswer, "rating", activity, session.ratings());
                add(byAnswer, "most-useful", activity, session.mostUseful());
                add(byAnswer, "got-what-they-wanted", activity, session.gotWhatTheyWanted());
            }
        }
        Map<String, String> topics = new LinkedHashMap<>();
        activities.forEach(activity -> topics.put(activity.activityId(), activity.topic()));
        List<AcrossActivities> across = new ArrayList<>();
        byAnswer.forEach((key, perActivity) -> {
            String[] parts = key.split("\\|", 2);
            long count = perActivity.values().stream().mapToLong(c -> c[0]).sum();
            long base = perActivity.values().stream().mapToLong(c -> c[1]).sum();
            List<ActivityShare> spread = new ArrayList<>();
            perActivity.forEach((activityId, c) -> {
                AnswerShare share = AnswerShare.of(parts[1], c[0], c[1]);
                spread.add(new ActivityShare(activityId, topics.get(activityId), c[0], c[1], share.percent()));
            });
            spread.sort(Comparator.comparing(ActivityShare::percent, Comparator.nullsFirst(Comparator.naturalOrder())));
            across.add(new AcrossActivities(parts[0], parts[1], count, base, AnswerShare.of(parts[1], count, base).percent(), spread));
        });
        return across;
    }

    private static void add(Map<String, Map<String, long[]>> byAnswer, String question, ActivityPart activity,
                            List<AnswerShare> shares) {
        for (AnswerShare share : shares) {
            long[] sums = byAnswer.computeIfAbsent(question + "|" + share.answer(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(activity.activityId(), id -> new long[2]);
            sums[0] += share.count();
            sums[1] += share.base();
        }
    }
}
