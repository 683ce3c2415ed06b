package org.learninglog.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.story.StoryDay;
import org.learninglog.command.story.StoryDayRefused;
import org.learninglog.events.framework.LearningFramework;
import org.learninglog.events.programme.LearningFrameworkChanged;
import org.learninglog.events.programme.LearningFrameworkDefined;
import org.learninglog.events.programme.ProgrammeRegistered;
import org.learninglog.events.programme.StoryBackfillAllowed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A programme: its registration and its learning framework, which changes rarely. */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Programme {

    /**
     * Registration applies two events (registered, framework defined): sequence numbers 0 and 1;
     * a third (the backfill allowed) when the registration allows one.
     */
    public static final long VERSION_AFTER_REGISTRATION = 1;

    @AggregateIdentifier
    private String programmeId;
    private LearningFramework framework;
    private LocalDate startedOn;
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
        LocalDate backfillFrom = StoryDay.backfillFrom("backfillFrom", command.backfillFrom(),
                StoryDay.dayOfRecording(now));
        apply(new ProgrammeRegistered(command.programmeId(), name, by, now));
        apply(new LearningFrameworkDefined(command.programmeId(), framework, by, now));
        if (backfillFrom != null) {
            apply(new StoryBackfillAllowed(command.programmeId(), backfillFrom, by, now));
        }
    }

    /** The version a registration leaves the programme at. */
    public static long versionAfterRegistration(LocalDate backfillFrom) {
        return backfillFrom == null ? VERSION_AFTER_REGISTRATION : VERSION_AFTER_REGISTRATION + 1;
    }

    @CommandHandler
    public long handle(AllowStoryBackfillCommand command, Clock clock) {
        if (command.from() == null) {
            throw new StoryDayRefused("from", "must be given");
        }
        LocalDate from = StoryDay.backfillFrom("from", command.from(), startedOn);
        String by = CommandInput.identifier("by", command.by());
        apply(new StoryBackfillAllowed(programmeId, from, by, clock.instant()));
        return version;
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
        startedOn = StoryDay.dayOfRecording(event.recordedAt());
        version = sequence;
    }

    @EventSourcingHandler
    void on(LearningFrameworkDefined event, @SequenceNumber long sequence) {
        framework = event.framework();
        version = sequence;
    }

    @EventSourcingHandler
    void on(StoryBackfillAllowed event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(LearningFrameworkChanged event, @SequenceNumber long sequence) {
        framework = event.framework();
        version = sequence;
    }
}
