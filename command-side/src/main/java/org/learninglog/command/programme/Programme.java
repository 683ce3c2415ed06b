package org.learninglog.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.events.framework.LearningFramework;
import org.learninglog.events.programme.LearningFrameworkChanged;
import org.learninglog.events.programme.LearningFrameworkDefined;
import org.learninglog.events.programme.ProgrammeRegistered;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A programme: its registration and its learning framework, which changes rarely. */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Programme {

    /** Registration applies two events (registered, framework defined): sequence numbers 0 and 1. */
    public static final long VERSION_AFTER_REGISTRATION = 1;

    @AggregateIdentifier
    private String programmeId;
    private LearningFramework framework;
    private long version;

    protected Programme() {
        // for event sourcing
    }

    @CommandHandler
    public Programme(RegisterProgrammeCommand command, Clock clock) {
        CommandInput.identifier("programmeId", command.programmeId());
        String name = CommandInput.text("name", command.name(), CommandInput.MAX_NAME);
        String by = CommandInput.identifier("by", command.by());
        LearningFramework framework = command.framework() == null
                ? DefaultFramework.FRAMEWORK : checked(command.framework());
        Instant now = clock.instant();
        apply(new ProgrammeRegistered(command.programmeId(), name, by, now));
        apply(new LearningFrameworkDefined(command.programmeId(), framework, by, now));
    }

    @CommandHandler
    public long handle(ChangeLearningFrameworkCommand command, Clock clock) {
        LearningFramework changed = checked(command.applyTo(framework));
        String reason = CommandInput.text("reason", command.reason(), CommandInput.MAX_TEXT);
        String by = CommandInput.identifier("by", command.by());
        if (changed.equals(framework)) {
            throw new CommandRejected("framework", "is the same as the programme's framework now");
        }
        apply(new LearningFrameworkChanged(programmeId, changed, reason, by, clock.instant()));
        return version;
    }

    private static LearningFramework checked(LearningFramework framework) {
        LearningFramework checked = new LearningFramework(CommandInput.labels("principles", framework.principles()),
                CommandInput.labels("themes", framework.themes()), CommandInput.labels("sources", framework.sources()));
        if (checked.principles().isEmpty()) {
            throw new CommandRejected("principles", "must hold at least one principle");
        }
        return checked;
    }

    @EventSourcingHandler
    void on(ProgrammeRegistered event, @SequenceNumber long sequence) {
        programmeId = event.programmeId();
        version = sequence;
    }

    @EventSourcingHandler
    void on(LearningFrameworkDefined event, @SequenceNumber long sequence) {
        framework = event.framework();
        version = sequence;
    }

    @EventSourcingHandler
    void on(LearningFrameworkChanged event, @SequenceNumber long sequence) {
        framework = event.framework();
        version = sequence;
    }
}
