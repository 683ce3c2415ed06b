package org.learninglog.query.export;

import org.learninglog.query.journey.PlaceJourney;
import org.learninglog.query.view.TimelineLine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** A place's journey as a printable HTML page: its practices now, then its timeline. */
final class JourneyReport {

    private static final String STYLE = """
              body { font-family: Georgia, serif; margin: 2em; color: #222; }
              table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ccc; padding: .3em; text-align: left; vertical-align: top; }
              .kind { white-space: nowrap; color: #555; } .tags { font-size: .85em; color: #555; }
              @media print { a { color: inherit; text-decoration: none; } }
            """;

    /**
     * The page stands alone (it is printed or saved), so its style is inline; the policy allows that
     * one style by its hash and nothing else, as the API's policy allows nothing at all.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
            + "'; frame-ancestors 'none'";

    private JourneyReport() {
    }

    static String of(PlaceJourney journey) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Change journey: %s</title>
                <style>""".formatted(htmlEscape(journey.name()))).append(STYLE).append("</style></head><body>\n");
        html.append("<h1>Change journey of ").append(htmlEscape(journey.name())).append("</h1>\n");
        html.append("<p>").append(journey.asOf() == null ? "The record as it stands now."
                : "The record as it stood on " + htmlEscape(journey.asOf().toString()) + ".").append("</p>\n");
        html.append("<h2>Practices</h2>\n");
        if (journey.practices().isEmpty()) {
            html.append("<p>No practices recorded.</p>\n");
        } else {
            html.append("<table><tr><th>Practice</th><th>How it works</th><th>Status</th><th>Versions</th></tr>\n");
            for (PlaceJourney.PracticeNow practice : journey.practices()) {
                html.append("<tr><td>").append(text(practice.name())).append("</td><td>").append(text(practice.description()))
                        .append("</td><td>").append(text(practice.status())).append("</td><td>").append(practice.versions())
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Timeline</h2>\n<table><tr><th>Day</th><th>What</th><th>Summary</th></tr>\n");
        for (TimelineLine item : journey.timeline().items()) {
            html.append("<tr><td>").append(item.date()).append("</td><td class=\"kind\">").append(text(item.kind()))
                    .append("</td><td>").append(text(item.summary()));
            String tags = String.join(", ", item.principles()) + (item.themes().isEmpty() ? "" : " / " + String.join(", ", item.themes()));
            if (item.evidence() != null) {
                html.append("<blockquote>&ldquo;").append(text(item.evidence().quote())).append("&rdquo; &mdash; ")
                        .append(text(item.evidence().name())).append("</blockquote>");
            }
            if (!tags.isBlank()) {
                html.append("<div class=\"tags\">").append(text(tags)).append("</div>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : htmlEscape(value);
    }
}
