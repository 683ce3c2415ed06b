package org.learninglog.query.search;

import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.query.view.Evidence;
import org.learninglog.query.view.TimelineLines;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.query.view.Bson;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.Recorded;
import org.learninglog.query.view.ViewWrite;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search over the insights and practices of each programme, as an inverted index of
 * exact keys: {@code term:<programmeId>|<term>} lists what holds the term (and how often), and
 * {@code doc:<kind>:<id>} holds what is shown for a hit and the terms it is indexed under, so a
 * revision can take back the terms its old wording had. A quote given as evidence is shown with
 * its hit (sealed with its person's key, as the processor hands it over) but never indexed: its
 * words must not outlive the person's consent in a posting list.
 */
@Component
public class SearchProjection implements Projection {

    public static final String NAME = "search";

    @Override
    public String name() {
        return NAME;
    }

    public static String termId(String programmeId, String term) {
        return "term:" + programmeId + "|" + term;
    }

    public static String docId(String hit) {
        return "doc:" + hit;
    }

    @Override
    public void apply(Recorded event, ViewWrite view) {
        Object payload = event.payload();
        if (payload instanceof PersonRegistered e) {
            Document person = view.edit(TimelineLines.personKey(e.personId()));
            if (person != null) {
                person.append("personId", e.personId()).append("name", e.personalData() == null ? null : e.personalData().name());
            }
        } else if (payload instanceof InsightRecorded e) {
            index(view, "insight:" + e.insightId(), e.programmeId(), e.placeId(), null, e.text(), "active");
            Document doc = view.edit(docId("insight:" + e.insightId()));
            if (doc != null && e.evidence() != null) {
                Document person = view.read(TimelineLines.personKey(e.evidence().personId()));
                doc.append("evidence", Evidence.document(e.evidence(), person == null ? null : person.getString("name")));
            }
        } else if (payload instanceof InsightRevised e) {
            index(view, "insight:" + e.insightId(), e.programmeId(), e.placeId(), null, e.text(), "active");
        } else if (payload instanceof InsightRetracted e) {
            status(view, "insight:" + e.insightId(), "retracted");
        } else if (payload instanceof PracticeAdopted e) {
            index(view, "practice:" + e.practiceId(), e.programmeId(), e.placeId(), e.name(), e.description(), "active");
        } else if (payload instanceof PracticeAdapted e) {
            index(view, "practice:" + e.practiceId(), e.programmeId(), e.placeId(), null, e.becomes(), "active");
        } else if (payload instanceof PracticeRetired e) {
            status(view, "practice:" + e.practiceId(), "retired");
        }
    }

    private static void index(ViewWrite view, String hit, String programmeId, String placeId, String title, String text,
                              String status) {
        Document doc = view.edit(docId(hit));
        if (doc == null) {
            return;
        }
        String name = title != null ? title : doc.getString("title");
        Map<String, Integer> terms = Terms.of((name == null ? "" : name + " ") + text);
        Document previous = doc.get("terms", Document.class);
        Set<String> gone = new HashSet<>(previous == null ? Set.of() : previous.keySet());
        gone.removeAll(terms.keySet());
        for (String term : gone) {
            Document posting = view.edit(termId(programmeId, term));
            if (posting != null) {
                Document hits = posting.get("hits", Document.class);
                if (hits != null) {
                    hits.remove(Bson.key(hit));
                }
            }
        }
        Document stored = new Document();
        terms.forEach((term, count) -> {
            stored.put(Bson.key(term), count);
            if (previous == null || !count.equals(previous.get(Bson.key(term)))) {
                Document posting = view.edit(termId(programmeId, term));
                if (posting != null) {
                    Document hits = posting.get("hits", Document.class);
                    if (hits == null) {
                        hits = new Document();
                        posting.put("hits", hits);
                    }
                    hits.put(Bson.key(hit), count);
                }
            }
        });
        doc.append("programmeId", programmeId).append("placeId", placeId).append("title", name).append("text", text)
                .append("status", status).append("terms", stored);
    }

    private static void status(ViewWrite view, String hit, String status) {
        Document doc = view.edit(docId(hit));
        if (doc != null) {
            doc.put("status", status);
        }
    }
}
