package org.learninglog.command.sensemaking;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.Given;
import org.learninglog.command.UnknownReference;
import org.learninglog.events.sensemaking.SensemakingHeld;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import java.time.LocalDate;
import java.util.List;

import static org.learninglog.command.Given.NOW;
import static org.learninglog.command.Given.OTHER_PLACE;
import static org.learninglog.command.Given.PLACE;
import static org.learninglog.command.Given.PROGRAMME;

@ExtendWith(MongoStoreExtension.class)
class SensemakingSessionTest {

    private AggregateTestFixture<SensemakingSession> fixture;

    @BeforeEach
    void setUp(MongoStore store) {
        fixture = new Given(store).programmeWithTwoPlaces()
                .person("partner-1", null, true).person("person-1", PLACE, true)
                .insight("insight-1", PLACE).insight("insight-2", OTHER_PLACE)
                .fixture(SensemakingSession.class);
    }

    @Test
    void a_learning_partner_records_who_met_what_they_looked_at_and_what_they_concluded() {
        fixture.givenNoPriorActivity()
                .when(new HoldSensemakingCommand("session-1", PROGRAMME, "Autumn", List.of("partner-1", "person-1"),
                        List.of(PLACE, OTHER_PLACE), List.of("insight-1", "insight-2"), "Venue matters",
                        LocalDate.parse("2024-11-28"), "partner-1"))
                .expectEvents(new SensemakingHeld("session-1", PROGRAMME, "Autumn", List.of("partner-1", "person-1"),
                        List.of(PLACE, OTHER_PLACE), List.of("insight-1", "insight-2"), "Venue matters",
                        LocalDate.parse("2024-11-28"), NOW, "partner-1"));
    }

    @Test
    void a_participant_who_is_not_registered_is_an_unknown_reference() {
        fixture.givenNoPriorActivity()
                .when(new HoldSensemakingCommand("session-1", PROGRAMME, "Autumn", List.of("stranger"), List.of(),
                        List.of(), "Conclusions", LocalDate.parse("2024-11-28"), "partner-1"))
                .expectException(UnknownReference.class)
                .expectNoEvents();
    }
}
