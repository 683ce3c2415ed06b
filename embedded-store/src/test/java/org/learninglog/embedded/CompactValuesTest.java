package org.learninglog.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CompactValuesTest {

    /** Keys are ordered as the server orders their values: strings by their shortcut, the rest by the server's comparator. */
    @Test
    void keysAreInTheServersOrderOfTheirValues() {
        Random random = new Random(20261204);
        List<Object> values = new ArrayList<>(List.of("", "a", "A", "ab", "b", "é", "\uD83D\uDE00", "\uD835", "z", 7, 7L, 7.5, -1));
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(6); length > 0; length--) {
                text.append((char) (random.nextBoolean() ? 'a' + random.nextInt(4) : random.nextInt(0x10000)));
            }
            values.add(text.toString());
        }
        for (Object a : values) {
            for (Object b : values) {
                assertThat(Integer.signum(CompactValues.INSTANCE.compare(new KeyValue(a), new KeyValue(b))))
                        .as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(ValueComparator.asc().compare(a, b)));
            }
        }
    }
}
