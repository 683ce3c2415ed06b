package org.learninglog.query.journey;

import org.bson.Document;
import org.learninglog.events.funder.FunderRegistered;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.person.PersonalDataErased;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.query.view.ViewEvent;
import org.learninglog.query.view.ViewUpdate;

/** The journey's handlers of what is registered: places, people (and the erasure of their data), funders. */
final class JourneyRegistrations {

    private JourneyRegistrations() {
    }

    static void placeRegistered(PlaceRegistered e, ViewEvent event, ViewUpdate view) {
        Document place = view.edit(JourneyProjection.placeId(e.placeId()));
        if (place != null) {
            PlaceDocument.registered(place, e.programmeId(), e.name(), e.registeredAt(), event.recordedAt());
        }
    }

    static void personRegistered(PersonRegistered e, ViewEvent event, ViewUpdate view) {
        Document person = view.edit(JourneyProjection.registrationId(e.personId()));
        if (person != null) {
            new RegisteredDocuments.Registration(e.personId(), e.programmeId(), e.placeId(),
                    e.role() == null ? null : e.role().name(), e.personalData() == null ? null : e.personalData().name(),
                    e.mayBeQuoted(), event.recordedAt(), null).writeTo(person, event.position());
        }
    }

    static void personalDataErased(PersonalDataErased e, ViewEvent event, ViewUpdate view) {
        Document person = view.edit(JourneyProjection.registrationId(e.personId()));
        if (person != null) {
            RegisteredDocuments.Registration.erased(person, event.recordedAt());
        }
    }

    static void funderRegistered(FunderRegistered e, ViewEvent event, ViewUpdate view) {
        Document funder = view.edit(JourneyProjection.funderId(e.funderId()));
        if (funder != null) {
            new RegisteredDocuments.Funder(e.programmeId(), e.name(), event.recordedAt()).writeTo(funder, event.position());
        }
    }
}
