package org.learninglog.command.insight;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.Identifiers;
import org.learninglog.command.place.Places;
import org.learninglog.command.place.RegisteredPlace;
import org.learninglog.command.place.UnknownPlaceException;
import org.learninglog.events.insight.InsightRecorded;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One insight: something somebody in a place noticed. Its own aggregate, so that revising or
 * retracting it later touches only its own short history.
 */
@Aggregate
public class Insight {

    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG_LENGTH = 60;
    /** The local date is furthest ahead of UTC here; "today" anywhere on Earth is at most this date. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    @AggregateIdentifier
    private String insightId;

    protected Insight() {
        // for event sourcing
    }

    @CommandHandler
    public Insight(RecordInsightCommand command, Places places, Clock clock) {
        if (!Identifiers.isValid(command.insightId())) {
            throw new InsightRejected("insightId", "must be an identifier matching " + Identifiers.PATTERN);
        }
        RegisteredPlace place = places.find(command.placeId())
                .orElseThrow(() -> new UnknownPlaceException(command.placeId()));
        String text = command.text();
        if (text == null || text.isBlank()) {
            throw new InsightRejected("text", "must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InsightRejected("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        List<String> tags = tags(command.tags());
        Instant now = clock.instant();
        if (command.happenedOn() != null && command.happenedOn().isAfter(LocalDate.ofInstant(now, EARLIEST_ZONE))) {
            throw new InsightRejected("happenedOn", "must not be in the future");
        }
        if (!Identifiers.isValid(command.recordedBy())) {
            throw new InsightRejected("recordedBy", "must be a member identifier matching " + Identifiers.PATTERN);
        }
        apply(new InsightRecorded(command.insightId(), place.placeId(), place.programmeId(), text, tags,
                command.happenedOn(), now, command.recordedBy()));
    }

    /** Tags trimmed, each once, in the order given. */
    private static List<String> tags(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : given) {
            String trimmed = tag == null ? "" : tag.strip();
            if (trimmed.isEmpty()) {
                throw new InsightRejected("tags", "must not hold blank tags");
            }
            if (trimmed.length() > MAX_TAG_LENGTH) {
                throw new InsightRejected("tags", "each tag must be at most " + MAX_TAG_LENGTH + " characters");
            }
            tags.add(trimmed);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InsightRejected("tags", "must hold at most " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(tags);
    }

    @EventSourcingHandler
    void on(InsightRecorded event) {
        insightId = event.insightId();
    }
}
