package org.learninglog.query.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackedEventData;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.learninglog.store.engine.StoredEventLog;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * How far behind the store each view is, as Micrometer gauges per view ({@code /actuator/prometheus}:
 * {@code learninglog_view_position}, {@code learninglog_view_head}, {@code learninglog_view_lag_events},
 * {@code learninglog_view_lag_seconds}) and for the admin page. A view's position is the lowest token
 * of its segments, read from MongoDB ({@link ViewPositions}), so every process reports the same lag
 * whichever holds the segments; its lag in seconds is the age of the oldest event it has not applied
 * (0 when it has them all).
 *
 * <p>Read at most once a second, however many gauges and pages ask: a scrape reads each gauge.
 */
@Component
public class ViewLag {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final ViewPositions positions;
    private final DeadLetterGroups groups;
    private final StoredEventLog events;
    private final Clock clock;
    private Map<String, Lag> last = Map.of();
    private Instant takenAt = Instant.MIN;

    /** One view's lag: the position it holds, the head of the store, and the difference in events and seconds. */
    public record Lag(long position, long head, long events, double seconds) {
    }

    public ViewLag(ViewPositions positions, DeadLetterGroups groups, StoredEventLog events, MeterRegistry registry) {
        this.positions = positions;
        this.groups = groups;
        this.events = events;
        this.clock = Clock.systemUTC();
        for (String view : groups.names()) {
            gauge(registry, "learninglog.view.position", "The global position up to which the view holds every event", view, Lag::position, null);
            gauge(registry, "learninglog.view.head", "The highest position reserved in the event store", view, Lag::head, null);
            gauge(registry, "learninglog.view.lag.events", "Events stored that the view has not applied yet", view, Lag::events, null);
            gauge(registry, "learninglog.view.lag.seconds", "How long ago the oldest event the view has not applied was recorded", view, Lag::seconds, "seconds");
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String view, ToDoubleFunction<Lag> value, String unit) {
        Gauge.builder(name, this, lag -> value.applyAsDouble(lag.of(view)))
                .description(description)
                .baseUnit(unit)
                .tag("view", view)
                .strongReference(true)
                .register(registry);
    }

    /** The lag of {@code view}; all zero for a view unknown here. */
    public Lag of(String view) {
        return all().getOrDefault(view, new Lag(0, 0, 0, 0));
    }

    /** Every view's lag, by name. */
    public synchronized Map<String, Lag> all() {
        Instant now = clock.instant();
        if (takenAt.plus(FRESH).isAfter(now)) {
            return last;
        }
        long head = events.headPosition();
        Map<String, Long> held = positions.byView();
        Map<String, Lag> lags = new TreeMap<>();
        for (String view : groups.names()) {
            long position = held.getOrDefault(view, 0L);
            long behind = Math.max(0, head - position);
            lags.put(view, new Lag(position, head, behind, behind == 0 ? 0 : secondsBehind(position, now)));
        }
        last = lags;
        takenAt = now;
        return lags;
    }

    /** The age of the first event after {@code position}: one read of one event. */
    private double secondsBehind(long position, Instant now) {
        try (Stream<? extends TrackedEventData<?>> after = events.storedEventsAfter(position)) {
            return after.findFirst()
                    .map(event -> Math.max(0, Duration.between(event.getTimestamp(), now).toMillis()) / 1000.0)
                    .orElse(0.0);
        }
    }
}
