package org.learninglog.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.learninglog.command.lookup.Lookup;
import org.learninglog.command.lookup.LookupUpdater;
import org.learninglog.command.lookup.References;
import org.learninglog.command.programme.DefaultFramework;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.funder.FunderRegistered;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.events.place.PlaceRegistered;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.programme.LearningFrameworkDefined;
import org.learninglog.events.programme.ProgrammeRegistered;
import org.learninglog.events.programme.StoryBackfillAllowed;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.store.MongoStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What other aggregates registered, for aggregate tests: written into the real command-side
 * lookup (on the test run's store) through its real updater, as the events would.
 */
public final class Given {

    public static final Instant NOW = Instant.parse("2025-03-14T10:15:30Z");
    /** The day of {@link #NOW} in UTC: the story's day of what is recorded now without a day of its own. */
    public static final LocalDate TODAY = LocalDate.parse("2025-03-14");
    public static final String PROGRAMME = "programme-1";
    public static final String PLACE = "place-1";
    public static final String OTHER_PLACE = "place-2";

    private final LookupUpdater updater;
    private final References references;

    public Given(MongoStore store) {
        Lookup lookup = new Lookup(store);
        this.updater = new LookupUpdater(lookup);
        this.references = new References(lookup);
    }

    /** The fixture with the lookup's checks and a fixed clock injected into command handlers. */
    public <T> AggregateTestFixture<T> fixture(Class<T> aggregate) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    /** A programme registered on {@code day} (its story begins then), with the default framework and two places. */
    public Given programmeRegisteredOn(LocalDate day) {
        updater.on(new ProgrammeRegistered(PROGRAMME, "North together", "admin-1", day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        return programmeWithTwoPlaces();
    }

    /** The programme allows its story to begin on {@code from}. */
    public Given backfillAllowedFrom(LocalDate from) {
        updater.on(new StoryBackfillAllowed(PROGRAMME, from, "admin-1", NOW));
        return this;
    }

    /** A programme with the default framework and two places; its lookup predates story bounds, so it sets none. */
    public Given programmeWithTwoPlaces() {
        updater.on(new LearningFrameworkDefined(PROGRAMME, DefaultFramework.FRAMEWORK, "admin-1", NOW));
        updater.on(new PlaceRegistered(PLACE, PROGRAMME, "Riverside", NOW, "admin-1"));
        updater.on(new PlaceRegistered(OTHER_PLACE, PROGRAMME, "Hillcrest", NOW, "admin-1"));
        return this;
    }

    public Given person(String personId, String placeId, boolean mayBeQuoted) {
        updater.on(new PersonRegistered(personId, PROGRAMME, placeId, PersonRegistered.Role.PLACE_MEMBER,
                new PersonalData(personId, "Ada", null, null), mayBeQuoted, "admin-1", NOW));
        return this;
    }

    public Given funder(String funderId) {
        updater.on(new FunderRegistered(funderId, PROGRAMME, "Common Ground Trust", "admin-1", NOW));
        return this;
    }

    public Given insight(String insightId, String placeId) {
        updater.on(new InsightRecorded(insightId, placeId, PROGRAMME, "Noticed", false, Layer.PLACE_NETWORK, null,
                List.of(), List.of(), null, null, TODAY, NOW, "member-1"));
        return this;
    }

    public Given practice(String practiceId, String placeId, String... adaptationIds) {
        updater.on(new PracticeAdopted(practiceId, placeId, PROGRAMME, "Where we meet", "In the civic centre", "Why",
                List.of(), List.of(), List.of(), "board", TODAY, NOW, "member-1"));
        for (String adaptationId : adaptationIds) {
            updater.on(new PracticeAdapted(practiceId, adaptationId, placeId, PROGRAMME, "was", "becomes", "why",
                    List.of(), List.of(), List.of(), "board", TODAY, NOW, "member-1"));
        }
        return this;
    }

    public Given sharedLearning(String sharedLearningId, String placeId) {
        updater.on(new LearningShared(sharedLearningId, PROGRAMME, placeId, "Title", "Summary",
                new LearningShared.Audience(true, List.of(), List.of()), List.of("insight-1"), List.of(), TODAY, NOW,
                "member-1"));
        return this;
    }
}
