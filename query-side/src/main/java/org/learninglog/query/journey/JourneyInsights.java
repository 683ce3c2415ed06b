package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.sensemaking.SensemakingHeld;
import org.learninglog.query.view.EventLines;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;

/** The journey's handlers of insights: their versions, and the sensemaking sessions that looked at them. */
final class JourneyInsights {

    private JourneyInsights() {
    }

    static void insightRecorded(InsightRecorded e, ViewEvent event, ViewUpdate view) {
        version(view, e.insightId(), e.placeId(), e.programmeId(), new InsightDocument.Version(InsightDocument.Version.RECORDED,
                e.text(), e.unintended(), name(e.layer()), name(e.sphere()), e.principles(), e.themes(), e.source(),
                e.evidence() == null ? null : EventLines.evidence(view, e.evidence()),
                e.happenedOn() == null ? null : e.happenedOn().toString(), null, e.recordedBy(),
                event.position(), event.recordedAt()));
    }

    static void insightRevised(InsightRevised e, ViewEvent event, ViewUpdate view) {
        version(view, e.insightId(), e.placeId(), e.programmeId(), new InsightDocument.Version(InsightDocument.Version.REVISED,
                e.text(), null, name(e.layer()), name(e.sphere()), e.principles(), e.themes(), e.source(), null,
                e.happenedOn() == null ? null : e.happenedOn().toString(), e.reason(), e.recordedBy(), event.position(), event.recordedAt()));
    }

    static void insightRetracted(InsightRetracted e, ViewEvent event, ViewUpdate view) {
        version(view, e.insightId(), e.placeId(), e.programmeId(), new InsightDocument.Version(InsightDocument.Version.RETRACTED,
                null, null, null, null, null, null, null, null, e.happenedOn() == null ? null : e.happenedOn().toString(),
                e.reason(), e.recordedBy(), event.position(),
                event.recordedAt()));
    }

    static void sensemakingHeld(SensemakingHeld e, ViewEvent event, ViewUpdate view) {
        Document session = view.edit(JourneyProjection.sessionId(e.sessionId()));
        if (session != null) {
            new RegisteredDocuments.Session(e.programmeId(), e.title(), e.participantIds(), e.placeIds(), e.insightIds(),
                    e.conclusions(), e.happenedOn(), e.recordedBy(), event.recordedAt()).writeTo(session, event.position());
        }
        for (String insight : e.insightIds()) {
            Document document = view.edit(JourneyProjection.insightId(insight));
            if (document != null) {
                InsightDocument.lookedAt(document, e.sessionId(), e.title(), e.conclusions(), event.position(), event.recordedAt());
            }
        }
    }

    private static void version(ViewUpdate view, String insightId, String placeId, String programmeId, InsightDocument.Version version) {
        Document insight = view.edit(JourneyProjection.insightId(insightId));
        if (insight != null) {
            InsightDocument.add(insight, placeId, programmeId, version);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
