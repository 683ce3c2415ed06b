package org.learninglog.command.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.command.Given;
import org.learninglog.command.funder.Funder;
import org.learninglog.command.funder.RegisterFunderCommand;
import org.learninglog.events.funder.FunderRegistered;
import org.learninglog.events.person.PersonRegistered;
import org.learninglog.events.personal.PersonalData;
import org.learninglog.store.MongoStore;
import org.learninglog.store.testkit.MongoStoreExtension;

import static org.learninglog.command.Given.NOW;
import static org.learninglog.command.Given.PLACE;
import static org.learninglog.command.Given.PROGRAMME;

@ExtendWith(MongoStoreExtension.class)
class PersonTest {

    private Given given;

    @BeforeEach
    void setUp(MongoStore store) {
        given = new Given(store).programmeWithTwoPlaces();
    }

    @Test
    void a_persons_name_and_contact_are_recorded_only_as_their_personal_data() {
        AggregateTestFixture<Person> fixture = given.fixture(Person.class);
        fixture.givenNoPriorActivity()
                .when(new RegisterPersonCommand("person-1", PROGRAMME, PLACE, PersonRegistered.Role.PLACE_MEMBER,
                        "Ada", "ada@example.org", true, "admin-1"))
                .expectEvents(new PersonRegistered("person-1", PROGRAMME, PLACE, PersonRegistered.Role.PLACE_MEMBER,
                        new PersonalData("person-1", "Ada", null, "ada@example.org"), true, "admin-1", NOW));
    }

    @Test
    void a_funder_is_registered_in_its_programme() {
        AggregateTestFixture<Funder> fixture = given.fixture(Funder.class);
        fixture.givenNoPriorActivity()
                .when(new RegisterFunderCommand("funder-1", PROGRAMME, "Common Ground Trust", "admin-1"))
                .expectEvents(new FunderRegistered("funder-1", PROGRAMME, "Common Ground Trust", "admin-1", NOW));
    }
}
