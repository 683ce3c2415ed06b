package org.learninglog.query.report;

import org.learninglog.query.activity.ActivityReading.AnswerShare;
import org.learninglog.query.export.TimelineCsv;
import org.learninglog.query.report.SynthesisReport.ActivityPart;
import org.learninglog.query.report.SynthesisReport.PlacePractices;
import org.learninglog.query.report.SynthesisReport.RecordLine;
import org.learninglog.query.report.SynthesisReport.SessionPart;
import org.learninglog.query.report.SynthesisReport.Tally;
import org.learninglog.query.report.SynthesisReport.TravelledLearning;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as one RFC 4180 table, a line per number: {@code section} says which part of the
 * report it is, {@code subject} what it is about (an activity, a place, a record), {@code key} the
 * answer, label or count's name, and {@code count} with its {@code base} and {@code percent} where
 * it is a share. Text fields are neutralised against spreadsheet formulas as every export is.
 */
final class SynthesisReportCsv {

    private static final String HEADER = "section,subject,session,day,placeId,key,count,base,percent,detail";

    private SynthesisReportCsv() {
    }

    static String of(SynthesisReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ActivityPart activity : report.activities()) {
            for (SessionPart session : activity.sessions()) {
                for (Tally place : session.attendance()) {
                    line(csv, "attendance", activity.activityId(), session.sessionNumber(), session.happenedOn(), place.key(),
                            "attended", place.count(), null, null, activity.topic());
                }
                shares(csv, "rating", activity, session, session.ratings());
                shares(csv, "most-useful", activity, session, session.mostUseful());
                shares(csv, "got-what-they-wanted", activity, session, session.gotWhatTheyWanted());
            }
        }
        for (SynthesisReport.AcrossActivities answer : report.acrossActivities()) {
            line(csv, "across-activities-" + answer.question(), null, null, null, null, answer.answer(), answer.count(),
                    answer.base(), answer.percent(), "all activities");
            for (SynthesisReport.ActivityShare share : answer.byActivity()) {
                line(csv, "by-activity-" + answer.question(), share.activityId(), null, null, null, answer.answer(), share.count(),
                        share.base(), share.percent(), share.topic());
            }
        }
        for (String section : List.of("principle", "theme", "layer", "sphere", "place")) {
            List<AnswerShare> shares = switch (section) {
                case "principle" -> report.insights().byPrinciple();
                case "theme" -> report.insights().byTheme();
                case "layer" -> report.insights().byLayer();
                case "sphere" -> report.insights().bySphere();
                default -> report.insights().byPlace();
            };
            for (AnswerShare share : shares) {
                line(csv, "insights-by-" + section, null, null, null, null, share.answer(), share.count(), share.base(),
                        share.percent(), null);
            }
        }
        for (PlacePractices place : report.practices().byPlace()) {
            line(csv, "practices", place.placeId(), null, null, place.placeId(), "adopted", place.adopted(), null, null, null);
            line(csv, "practices", place.placeId(), null, null, place.placeId(), "adapted", place.adapted(), null, null, null);
            line(csv, "practices", place.placeId(), null, null, place.placeId(), "retired", place.retired(), null, null, null);
            line(csv, "practices", place.placeId(), null, null, place.placeId(), "reviewed", place.reviewed(), null, null, null);
        }
        for (Tally outcome : report.practices().outcomes()) {
            line(csv, "review-outcomes", null, null, null, null, outcome.key(), outcome.count(), null, null, null);
        }
        for (TravelledLearning travel : report.travelled().items()) {
            line(csv, "travelled", travel.sharedLearningId(), null, travel.happenedOn(),
                    travel.toPlaceId() == null ? travel.fromPlaceId() : travel.toPlaceId(), travel.kind(), 1, null, null,
                    travel.title() + (travel.toPlaceId() == null ? "" : " (from " + travel.fromPlaceId() + ")"));
        }
        records(csv, "late", report.records().late());
        records(csv, "revised", report.records().revised());
        return csv.toString();
    }

    private static void shares(StringBuilder csv, String section, ActivityPart activity, SessionPart session, List<AnswerShare> shares) {
        if (shares == null) {
            return;
        }
        for (AnswerShare share : shares) {
            line(csv, section, activity.activityId(), session.sessionNumber(), session.happenedOn(), null, share.answer(),
                    share.count(), share.base(), share.percent(), activity.topic());
        }
    }

    private static void records(StringBuilder csv, String section, List<RecordLine> lines) {
        for (RecordLine line : lines) {
            line(csv, section, line.subjectId(), line.sessionNumber() == 0 ? null : line.sessionNumber(), line.happenedOn(),
                    line.placeId(), line.kind(), 1, null, null,
                    "recorded " + line.recordedAt() + (line.reason() == null ? "" : ": " + line.reason()));
        }
    }

    private static void line(StringBuilder csv, String section, String subject, Integer session, Object day, String placeId,
                             String key, long count, Long base, Integer percent, String detail) {
        List<String> fields = new ArrayList<>(List.of(TimelineCsv.field(section), TimelineCsv.field(subject),
                session == null ? "" : session.toString(), day == null ? "" : day.toString(), TimelineCsv.field(placeId),
                TimelineCsv.field(key), Long.toString(count), base == null ? "" : base.toString(),
                percent == null ? "" : percent.toString(), TimelineCsv.field(detail)));
        csv.append(String.join(",", fields)).append("\r\n");
    }
}
