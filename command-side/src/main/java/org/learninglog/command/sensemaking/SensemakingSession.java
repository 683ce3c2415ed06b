package org.learninglog.command.sensemaking;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.lookup.RegisteredProgramme;
import org.learninglog.command.lookup.References;
import org.learninglog.command.story.StoryDay;
import org.learninglog.events.sensemaking.SensemakingHeld;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One sensemaking session, recorded once it was held. */
@Aggregate
public class SensemakingSession {

    @AggregateIdentifier
    private String sessionId;

    protected SensemakingSession() {
        // for event sourcing
    }

    @CommandHandler
    public SensemakingSession(HoldSensemakingCommand command, References references, Clock clock) {
        CommandInput.identifier("sessionId", command.sessionId());
        RegisteredProgramme programme = references.programme("programmeId", command.programmeId());
        String title = CommandInput.text("title", command.title(), CommandInput.MAX_NAME);
        List<String> participants = CommandInput.identifiers("participantIds", command.participantIds());
        List<String> places = CommandInput.identifiers("placeIds", command.placeIds());
        List<String> insights = CommandInput.identifiers("insightIds", command.insightIds());
        if (participants.isEmpty()) {
            throw new CommandRejected("participantIds", "a session has at least one participant");
        }
        references.people("participantIds", command.programmeId(), participants);
        references.places("placeIds", command.programmeId(), places);
        references.insights("insightIds", command.programmeId(), insights);
        String conclusions = CommandInput.text("conclusions", command.conclusions(), CommandInput.MAX_TEXT);
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, programme);
        String by = CommandInput.identifier("by", command.by());
        apply(new SensemakingHeld(command.sessionId(), command.programmeId(), title, participants, places, insights,
                conclusions, happenedOn, now, by));
    }

    @EventSourcingHandler
    void on(SensemakingHeld event) {
        sessionId = event.sessionId();
    }
}
