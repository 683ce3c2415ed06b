package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.view.LiveViews;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Reads a registered thing of one programme from the journey view by exact key (a session, a
 * funder, a person's registration), or answers 404 naming the path's field: a document of another
 * programme reads as unknown in this one.
 */
@Component
public class RegisteredReads {

    private final LiveViews views;

    public RegisteredReads(LiveViews views) {
        this.views = views;
    }

    public RegisteredDocuments.Session session(String programmeId, String sessionId) {
        return read(programmeId, JourneyProjection.sessionId(sessionId), RegisteredDocuments.Session::of, "sessionId",
                "No sensemaking session with this id is recorded in this programme (yet)");
    }

    public RegisteredDocuments.Funder funder(String programmeId, String funderId) {
        return read(programmeId, JourneyProjection.funderId(funderId), RegisteredDocuments.Funder::of, "funderId",
                "No funder with this id is registered in this programme (yet)");
    }

    public RegisteredDocuments.Registration registration(String programmeId, String personId) {
        return read(programmeId, JourneyProjection.registrationId(personId), RegisteredDocuments.Registration::of, "personId",
                "No person with this id is registered in this programme (yet)");
    }

    private <T extends RegisteredDocuments.OfProgramme> T read(String programmeId, String key, Function<Document, T> read,
                                                               String field, String message) {
        Document stored = views.reader(JourneyProjection.NAME).get(key);
        T document = stored == null ? null : read.apply(stored);
        if (document == null || !programmeId.equals(document.programmeId())) {
            throw new NotFoundException(field, message);
        }
        return document;
    }
}
