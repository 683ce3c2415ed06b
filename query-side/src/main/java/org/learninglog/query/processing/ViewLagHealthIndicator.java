package org.learninglog.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.learninglog.query.deadletter.DeadLetterGroups;
import org.learninglog.store.engine.EventLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Part of the query side's readiness ({@code /actuator/health/readiness}, not liveness): DOWN while
 * a segment this process holds is more than {@code learninglog.views.ready-lag} events (1,000)
 * behind the head of the store, or stopped on an error, or while one of its view processors is not
 * running at all (shut down for a rebuild's switch, or by hand), so a load balancer sends reads
 * elsewhere until it has caught up. A process whose processors run but hold no segment (another
 * holds them all) is ready: the views it reads are the shared ones.
 */
@Component
class ViewLagHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final DeadLetterGroups groups;
    private final EventLog events;
    private final long readyLag;

    ViewLagHealthIndicator(EventProcessingConfiguration processing, DeadLetterGroups groups, EventLog events,
                           @Value("${learninglog.views.ready-lag:1000}") long readyLag) {
        this.processing = processing;
        this.groups = groups;
        this.events = events;
        this.readyLag = readyLag;
    }

    @Override
    public Health health() {
        long head = events.headPosition();
        long worst = 0;
        boolean failing = false;
        Map<String, Object> held = new TreeMap<>();
        java.util.List<String> stopped = new java.util.ArrayList<>();
        for (String group : groups.names()) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class).orElse(null);
            if (processor == null) {
                continue;
            }
            if (!processor.isRunning()) {
                stopped.add(group);
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            held.put(group, status.keySet().stream().sorted().toList());
            for (EventTrackerStatus segment : status.values()) {
                failing |= segment.isErrorState();
                worst = Math.max(worst, head - segment.getCurrentPosition().orElse(0));
            }
        }
        Health.Builder health = failing || worst > readyLag || !stopped.isEmpty() ? Health.down() : Health.up();
        return health.withDetail("lag", worst).withDetail("readyLag", readyLag).withDetail("segments", held)
                .withDetail("stopped", stopped).build();
    }
}
