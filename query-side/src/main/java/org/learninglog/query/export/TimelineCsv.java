package org.learninglog.query.export;

import org.learninglog.query.view.TimelineLine;

import java.util.List;

/** A timeline as RFC 4180 CSV: a header line, then one line per item; fields quoted when they need it. */
public final class TimelineCsv {

    private static final String HEADER = "position,recordedAt,date,kind,placeId,subjectId,summary,principles,themes,layer,sphere,source,refs,evidenceBy,evidenceQuote";

    private TimelineCsv() {
    }

    static String of(List<TimelineLine> items) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (TimelineLine item : items) {
            csv.append(String.join(",", List.of(
                    String.valueOf(item.position()), String.valueOf(item.recordedAt()), String.valueOf(item.date()),
                    field(item.kind()), field(item.placeId()), field(item.subjectId()), field(item.summary()),
                    field(String.join("; ", item.principles())), field(String.join("; ", item.themes())),
                    field(item.layer()), field(item.sphere()), field(item.source()), field(String.join("; ", item.refs())),
                    field(item.evidence() == null ? null : item.evidence().name()),
                    field(item.evidence() == null ? null : item.evidence().quote())))).append("\r\n");
        }
        return csv.toString();
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading =, +, - or @ would be a formula to a spreadsheet: quote it as text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
