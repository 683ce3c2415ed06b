package org.learninglog.query.report;

import org.bson.Document;
import org.learninglog.query.activity.ActivityReading.AnswerShare;
import org.learninglog.query.report.ReportDocuments.Activity;
import org.learninglog.query.report.ReportDocuments.Count;
import org.learninglog.query.report.ReportDocuments.Entry;
import org.learninglog.query.report.SynthesisReport.ActivityPart;
import org.learninglog.query.report.SynthesisReport.InsightPart;
import org.learninglog.query.report.SynthesisReport.PlacePractices;
import org.learninglog.query.report.SynthesisReport.PracticePart;
import org.learninglog.query.report.SynthesisReport.RecordLine;
import org.learninglog.query.report.SynthesisReport.RecordsPart;
import org.learninglog.query.report.SynthesisReport.SessionPart;
import org.learninglog.query.report.SynthesisReport.Tally;
import org.learninglog.query.report.SynthesisReport.TravelledLearning;
import org.learninglog.query.report.SynthesisReport.TravelPart;
import org.learninglog.query.report.SynthesisReport.TrendPoint;
import org.learninglog.query.view.DocumentFields;
import org.learninglog.query.view.LateRecord;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.web.BadQueryException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sums a programme's report over the story months of the reader's period, as the record stood at
 * {@code known}: the months' documents are read by their keys in one round trip, and an entry counts
 * when it was recorded by {@code known} and happened between {@code from} and {@code to}. A revision
 * of an insight's tags, or its withdrawal, counts whenever it happened, as long as the record knew
 * it: the report shows the insight as it read then.
 */
public final class SynthesisReportQueries {

    /** Ten years of months read at most: one document per month. */
    static final int MAX_MONTHS = 120;
    private static final List<String> GOT_WHAT_THEY_WANTED = List.of("all", "some", "none");
    private static final Set<String> REVISIONS = Set.of(ReportDocuments.INSIGHT_REVISED, ReportDocuments.INSIGHT_RETRACTED,
            ReportDocuments.EVALUATION_REVISED);

    private SynthesisReportQueries() {
    }

    /**
     * The report of {@code programmeId} for the days {@code from} to {@code to}; {@code places} the
     * reader's places when they may read only those ({@code null}: the whole programme).
     */
    public static SynthesisReport report(ViewReader reader, String programmeId, LocalDate from, LocalDate to, Instant known,
                                         Set<String> places) {
        if (to.isBefore(from)) {
            throw new BadQueryException("to", "must not be before from");
        }
        List<String> ids = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            if (ids.size() == MAX_MONTHS) {
                throw new BadQueryException("to", "is more than " + MAX_MONTHS / 12 + " years after from: choose a shorter period");
            }
            ids.add(ReportDocuments.monthId(programmeId, month));
        }
        List<Entry> recordedByThen = new ArrayList<>();
        for (Document month : reader.getAll(ids)) {
            for (Document entry : DocumentFields.documents(month, ReportDocuments.ENTRIES)) {
                Entry read = Entry.of(entry);
                if (known == null || !read.recordedAt().isAfter(known)) {
                    recordedByThen.add(read);
                }
            }
        }
        List<Entry> period = recordedByThen.stream().filter(e -> e.day() != null && !e.day().isBefore(from) && !e.day().isAfter(to))
                .toList();
        Map<String, Activity> activities = activities(reader, period);
        Visibility visible = new Visibility(places, activities);
        List<Entry> seen = period.stream().filter(visible::sees).toList();
        List<ActivityPart> activityParts = activityParts(seen, activities, places);
        return new SynthesisReport(programmeId, from, to, known, known, places == null ? List.of() : places.stream().sorted().toList(),
                activityParts, AcrossActivitiesFold.of(activityParts), insights(seen, recordedByThen),
                practices(seen), travelled(seen), records(seen));
    }

    /** What a reader may see of the programme: all of it, or what concerns their places. */
    private record Visibility(Set<String> places, Map<String, Activity> activities) {

        boolean sees(Entry entry) {
            if (places == null) {
                return true;
            }
            return switch (entry.kind()) {
                case ReportDocuments.SESSION, ReportDocuments.EVALUATION, ReportDocuments.EVALUATION_REVISED -> {
                    Activity activity = activities.get(entry.id());
                    yield activity != null && activity.placeIds().stream().anyMatch(places::contains);
                }
                case ReportDocuments.TAKEN_UP -> places.contains(entry.placeId()) || places.contains(entry.fromPlace());
                default -> places.contains(entry.placeId());
            };
        }
    }

    private static Map<String, Activity> activities(ViewReader reader, List<Entry> period) {
        List<String> ids = period.stream().filter(e -> e.kind().equals(ReportDocuments.SESSION)).map(Entry::id).distinct()
                .map(ReportDocuments::activityId).toList();
        Map<String, Activity> activities = new HashMap<>();
        for (Document document : reader.getAll(ids)) {
            Activity activity = Activity.of(document);
            activities.put(activity.activityId(), activity);
        }
        return activities;
    }

    private static List<ActivityPart> activityParts(List<Entry> seen, Map<String, Activity> activities, Set<String> places) {
        Map<String, TreeMap<Integer, Entry>> sessions = new LinkedHashMap<>();
        Map<String, Entry> evaluations = new HashMap<>();
        Set<String> revised = new HashSet<>();
        for (Entry entry : seen.stream().sorted(Comparator.comparing(Entry::day)).toList()) {
            String key = entry.id() + "|" + entry.number();
            switch (entry.kind()) {
                case ReportDocuments.SESSION -> sessions.computeIfAbsent(entry.id(), id -> new TreeMap<>()).put(entry.number(), entry);
                case ReportDocuments.EVALUATION -> evaluations.put(key, entry);
                case ReportDocuments.EVALUATION_REVISED -> {
                    evaluations.put(key, entry);
                    revised.add(key);
                }
                default -> {
                }
            }
        }
        List<ActivityPart> parts = new ArrayList<>();
        sessions.forEach((activityId, held) -> {
            Activity activity = activities.get(activityId);
            if (activity == null) {
                return;
            }
            List<SessionPart> sessionParts = new ArrayList<>();
            List<TrendPoint> trend = new ArrayList<>();
            for (Entry session : held.values()) {
                String key = activityId + "|" + session.number();
                List<Tally> attendance = session.counts().stream().filter(c -> places == null || places.contains(c.key()))
                        .map(c -> new Tally(c.key(), c.count())).toList();
                long total = attendance.stream().mapToLong(Tally::count).sum();
                Entry evaluation = evaluations.get(key);
                if (evaluation == null) {
                    sessionParts.add(new SessionPart(session.number(), session.day(), attendance, total, null, null, null, null, false));
                    continue;
                }
                long base = evaluation.formsReturned();
                List<AnswerShare> ratings = shares(activity.ratingScale(), evaluation.counts(), base);
                sessionParts.add(new SessionPart(session.number(), session.day(), attendance, total, base, ratings,
                        shares(activity.usefulOptions(), evaluation.mostUseful(), base),
                        shares(GOT_WHAT_THEY_WANTED, evaluation.gotWhatTheyWanted(), base), revised.contains(key)));
                if (!ratings.isEmpty() && !activity.ratingScale().isEmpty()) {
                    AnswerShare best = ratings.get(0);
                    trend.add(new TrendPoint(session.number(), session.day(), best.answer(), best.count(), best.base(), best.percent()));
                }
            }
            List<String> taking = activity.placeIds().stream().filter(p -> places == null || places.contains(p)).toList();
            parts.add(new ActivityPart(activityId, activity.kind(), activity.topic(), taking, activity.ratingScale(),
                    sessionParts, trend));
        });
        return parts;
    }

    /** The shares of {@code answers} ({@link AnswerShare#inOrder}) from the counts as stored. */
    private static List<AnswerShare> shares(List<String> answers, List<Count> counts, long base) {
        Map<String, Long> counted = new LinkedHashMap<>();
        counts.forEach(count -> counted.merge(count.key(), count.count(), Long::sum));
        return AnswerShare.inOrder(answers, counted, base);
    }

    private static InsightPart insights(List<Entry> seen, List<Entry> known) {
        Map<String, Entry> retagged = new HashMap<>();
        Set<String> withdrawn = new HashSet<>();
        for (Entry entry : known) {
            if (entry.kind().equals(ReportDocuments.INSIGHT_TAGS)) {
                retagged.put(entry.id(), entry);
            } else if (entry.kind().equals(ReportDocuments.INSIGHT_WITHDRAWN)) {
                withdrawn.add(entry.id());
            }
        }
        List<Entry> insights = seen.stream().filter(e -> e.kind().equals(ReportDocuments.INSIGHT) && !withdrawn.contains(e.id()))
                .map(e -> retagged.getOrDefault(e.id(), e)).toList();
        long total = insights.size();
        return new InsightPart(total, tally(insights, Entry::principles, total), tally(insights, Entry::themes, total),
                tally(insights, e -> single(e.layer()), total), tally(insights, e -> single(e.sphere()), total),
                tally(insights, e -> single(e.placeId()), total));
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** Counts by label, most first (then by label), each a share of {@code base}. */
    private static List<AnswerShare> tally(List<Entry> entries, Function<Entry, Collection<String>> labels, long base) {
        Map<String, Long> counts = new TreeMap<>();
        entries.forEach(entry -> labels.apply(entry).forEach(label -> counts.merge(label, 1L, Long::sum)));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(count -> AnswerShare.of(count.getKey(), count.getValue(), base)).toList();
    }

    private static PracticePart practices(List<Entry> seen) {
        Map<String, long[]> byPlace = new TreeMap<>();
        Map<String, Long> outcomes = new TreeMap<>();
        long[] all = new long[4];
        for (Entry entry : seen) {
            int column = switch (entry.kind()) {
                case ReportDocuments.ADOPTED -> 0;
                case ReportDocuments.ADAPTED -> 1;
                case ReportDocuments.RETIRED -> 2;
                case ReportDocuments.REVIEWED -> 3;
                default -> -1;
            };
            if (column < 0) {
                continue;
            }
            all[column]++;
            byPlace.computeIfAbsent(String.valueOf(entry.placeId()), p -> new long[4])[column]++;
            if (column == 3 && entry.text() != null) {
                outcomes.merge(entry.text(), 1L, Long::sum);
            }
        }
        List<PlacePractices> places = new ArrayList<>();
        byPlace.forEach((place, counts) -> places.add(new PlacePractices(place, counts[0], counts[1], counts[2], counts[3])));
        return new PracticePart(all[0], all[1], all[2], all[3],
                outcomes.entrySet().stream().map(o -> new Tally(o.getKey(), o.getValue())).toList(), places);
    }

    private static TravelPart travelled(List<Entry> seen) {
        List<TravelledLearning> items = new ArrayList<>();
        long shared = 0;
        long takenUp = 0;
        for (Entry entry : seen) {
            if (entry.kind().equals(ReportDocuments.SHARED)) {
                shared++;
                items.add(new TravelledLearning("shared", entry.id(), entry.text(), entry.placeId(), null, entry.day()));
            } else if (entry.kind().equals(ReportDocuments.TAKEN_UP)) {
                takenUp++;
                items.add(new TravelledLearning("taken-up", entry.id(), entry.text(), entry.fromPlace(), entry.placeId(), entry.day()));
            }
        }
        items.sort(Comparator.comparing(TravelledLearning::happenedOn)); // stable: a day's items stay in the order recorded
        return new TravelPart(shared, takenUp, items);
    }

    private static RecordsPart records(List<Entry> seen) {
        List<RecordLine> late = new ArrayList<>();
        List<RecordLine> revised = new ArrayList<>();
        for (Entry entry : seen) {
            boolean isLate = LateRecord.isLate(entry.day(), entry.recordedAt());
            RecordLine line = new RecordLine(entry.kind(), entry.id(), entry.number(), entry.placeId(), entry.day(),
                    entry.recordedAt(), isLate, entry.reason());
            if (isLate) {
                late.add(line);
            }
            if (REVISIONS.contains(entry.kind())) {
                revised.add(line);
            }
        }
        Comparator<RecordLine> order = Comparator.comparing(RecordLine::happenedOn).thenComparing(RecordLine::recordedAt);
        late.sort(order);
        revised.sort(order);
        return new RecordsPart(late.size(), revised.size(), late, revised);
    }
}
