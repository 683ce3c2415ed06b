package org.learninglog.store.identifiers;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonUsesItForEveryMessage() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
    }

    @Test
    void identifiersAreVersion7UuidsThatSortByTheMillisecondTheyWereMadeIn() {
        IdentifierFactory factory = new TimeOrderedIdentifierFactory();
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            earlier.add(factory.generateIdentifier());
        }
        long madeBy = System.currentTimeMillis();
        await().until(() -> System.currentTimeMillis() > madeBy);
        String later = factory.generateIdentifier();

        for (String identifier : earlier) {
            UUID uuid = UUID.fromString(identifier);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(identifier);
            assertThat(identifier).isLessThan(later); // as strings too: that is how the index orders them
        }
        assertThat(new HashSet<>(earlier)).hasSize(earlier.size());
        long millis = UUID.fromString(later).getMostSignificantBits() >>> 16;
        assertThat(millis).isGreaterThan(madeBy);
    }
}
