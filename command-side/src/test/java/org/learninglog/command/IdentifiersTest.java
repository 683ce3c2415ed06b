package org.learninglog.command;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdentifiersTest {

    @Test
    void newAggregateIdentifiersAreTimeOrderedUuidsOfTheAcceptedShape() {
        String earlier = Identifiers.next();
        long madeBy = System.currentTimeMillis();
        await().until(() -> System.currentTimeMillis() > madeBy);
        String later = Identifiers.next();

        // Version 7: the event store's identifier factory is the one Axon found, not its random default.
        assertThat(UUID.fromString(earlier).version()).isEqualTo(7);
        assertThat(Identifiers.isValid(earlier)).isTrue();
        assertThat(earlier).isLessThan(later);
    }
}
