package org.learninglog.command.lookup;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.learninglog.command.story.StoryDay;
import org.learninglog.events.activity.LearningActivitySetUp;
import org.learninglog.events.funder.FunderRegistered;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;
import org.learninglog.events.programme.LearningFrameworkChanged;
import org.learninglog.events.programme.LearningFrameworkDefined;
import org.learninglog.events.programme.ProgrammeRegistered;
import org.learninglog.events.programme.StoryBackfillAllowed;
import org.learninglog.events.sharing.LearningShared;
import org.springframework.stereotype.Component;

import static org.learninglog.command.lookup.Lookup.Kind;

/**
 * Writes the {@link Lookup} from the events. Its processing group is subscribing (see
 * {@code CommandSideConfiguration}): it runs in the thread of the command that applied the events,
 * right after they are stored, so a command sent next already sees them. Every write is an
 * idempotent upsert or set, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(LookupUpdater.PROCESSING_GROUP)
public class LookupUpdater {

    public static final String PROCESSING_GROUP = "command-lookup";

    private final Lookup lookup;

    public LookupUpdater(Lookup lookup) {
        this.lookup = lookup;
    }

    @EventHandler
    public void on(ProgrammeRegistered event) {
        lookup.programmeStarted(event.programmeId(), StoryDay.dayOfRecording(event.recordedAt()));
    }

    @EventHandler
    public void on(StoryBackfillAllowed event) {
        lookup.backfillAllowed(event.programmeId(), event.from());
    }

    @EventHandler
    public void on(LearningFrameworkDefined event) {
        lookup.registerProgramme(event.programmeId(), event.framework());
    }

    @EventHandler
    public void on(LearningFrameworkChanged event) {
        lookup.frameworkChanged(event.programmeId(), event.framework());
    }

    @EventHandler
    public void on(LearningActivitySetUp event) {
        lookup.register(Kind.ACTIVITY, event.activityId(), event.programmeId(), null, false);
    }

    @EventHandler
    public void on(PlaceRegistered event) {
        lookup.register(Kind.PLACE, event.placeId(), event.programmeId(), event.placeId(), false);
    }

    @EventHandler
    public void on(FunderRegistered event) {
        lookup.register(Kind.FUNDER, event.funderId(), event.programmeId(), null, false);
    }

    @EventHandler
    public void on(PersonRegistered event) {
        lookup.register(Kind.PERSON, event.personId(), event.programmeId(), event.placeId(), event.mayBeQuoted());
    }

    @EventHandler
    public void on(InsightRecorded event) {
        lookup.register(Kind.INSIGHT, event.insightId(), event.programmeId(), event.placeId(), false);
    }

    @EventHandler
    public void on(InsightRetracted event) {
        lookup.close(Kind.INSIGHT, event.insightId());
    }

    @EventHandler
    public void on(PracticeAdopted event) {
        lookup.register(Kind.PRACTICE, event.practiceId(), event.programmeId(), event.placeId(), false);
    }

    @EventHandler
    public void on(PracticeAdapted event) {
        lookup.adaptationAdded(event.practiceId(), event.adaptationId());
    }

    @EventHandler
    public void on(PracticeRetired event) {
        lookup.close(Kind.PRACTICE, event.practiceId());
    }

    @EventHandler
    public void on(LearningShared event) {
        lookup.register(Kind.SHARED_LEARNING, event.sharedLearningId(), event.programmeId(), event.placeId(), false);
    }
}
