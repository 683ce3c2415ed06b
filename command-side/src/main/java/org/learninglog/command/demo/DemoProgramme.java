package org.learninglog.command.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.learninglog.command.lookup.LookupUpdater;
import org.learninglog.store.StagedEvents;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A demo programme in our own words, written in {@value DemoContent#RESOURCE}: six places, five
 * funders, a learning partner and about a year of learning, sent as commands through the
 * {@link CommandGateway} so that every rule of the domain applies (in batches: see {@link DemoSender}). Deterministic: a seeded random
 * choice, identifiers derived from names, and the days of the content's calendar (when it was
 * recorded is the real time of loading).
 */
@Component
public class DemoProgramme {

    private final DemoContent content = DemoContent.read();
    private final CommandGateway commands;
    private final EventStore events;
    private final StagedEvents staged;
    private final AnnotationEventHandlerAdapter lookupUpdater;
    private final DemoCompletion completion;

    public DemoProgramme(CommandGateway commands, EventStore events, StagedEvents staged, LookupUpdater lookupUpdater,
                         DemoCompletion completion) {
        this.commands = commands;
        this.events = events;
        this.staged = staged;
        this.lookupUpdater = new AnnotationEventHandlerAdapter(lookupUpdater);
        this.completion = completion;
    }

    public String programmeId() {
        return content.programme().id();
    }

    /** Loaded to its end. */
    public boolean isComplete() {
        return completion.isComplete(programmeId());
    }

    /** Begun: its programme has events, whether or not the load got to its end. */
    public boolean isStarted() {
        return events.lastSequenceNumberFor(programmeId()).isPresent();
    }

    /**
     * Loads the demo, or the rest of it after an interrupted load; returns how many events of
     * each type the whole demo holds, counted from the events its commands applied. The load is
     * deterministic (the same commands, ids and values every time), so a resumed load sends only
     * the commands whose events are not in the store yet, and marks the demo complete after the
     * last one.
     */
    public Map<String, Integer> load() {
        Map<String, Integer> tally;
        try (DemoSender sender = new DemoSender(commands, events, staged, lookupUpdater, isStarted())) {
            new DemoYear(content, sender).play();
            tally = sender.tally();
        }
        completion.markComplete(programmeId(), tally.values().stream().mapToInt(Integer::intValue).sum());
        return tally;
    }
}
