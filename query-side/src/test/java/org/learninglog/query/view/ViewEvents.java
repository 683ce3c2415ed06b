package org.learninglog.query.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events for unit tests of projections: positions 1, 2, 3..., each recorded an hour after the one before. */
public final class ViewEvents {

    public static final Instant FIRST_RECORDED = Instant.parse("2025-03-03T09:00:00Z");

    private ViewEvents() {
    }

    public static List<ViewEvent> inOrder(Object... payloads) {
        List<ViewEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            events.add(new ViewEvent(i + 1, "event-" + (i + 1), recordedAt(i + 1), payloads[i]));
        }
        return events;
    }

    /** When the event at {@code position} was recorded. */
    public static Instant recordedAt(long position) {
        return FIRST_RECORDED.plus(Duration.ofHours(position - 1));
    }

    /** The same events with each delivered twice in a row, as at-least-once delivery may. */
    public static List<ViewEvent> twice(List<ViewEvent> events) {
        List<ViewEvent> delivered = new ArrayList<>();
        events.forEach(event -> {
            delivered.add(event);
            delivered.add(event);
        });
        return delivered;
    }
}
