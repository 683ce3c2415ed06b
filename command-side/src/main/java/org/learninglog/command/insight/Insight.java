package org.learninglog.command.insight;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.CommandSideConfiguration;
import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.lookup.RegisteredSubject;
import org.learninglog.command.lookup.RegisteredProgramme;
import org.learninglog.command.lookup.References;
import org.learninglog.command.story.StoryDay;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;
import org.learninglog.events.insight.InsightRecorded;
import org.learninglog.events.insight.InsightRetracted;
import org.learninglog.events.insight.InsightRevised;
import org.learninglog.events.personal.PersonalData;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One insight: something somebody in a place noticed. Its own aggregate, so that revising or
 * retracting it later touches only its own short history.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Insight {

    public static final int MAX_TEXT_LENGTH = CommandInput.MAX_TEXT;

    @AggregateIdentifier
    private String insightId;
    private String placeId;
    private String programmeId;
    private Tagged current;
    private boolean retracted;
    private long version;

    /** What a revision may change: the wording and the tags. */
    private record Tagged(String text, Layer layer, Sphere sphere, List<String> principles, List<String> themes,
                          String source) {
    }

    protected Insight() {
        // for event sourcing
    }

    @CommandHandler
    public Insight(RecordInsightCommand command, References references, Clock clock) {
        CommandInput.identifier("insightId", command.insightId());
        RegisteredSubject place = references.place("placeId", command.placeId());
        RegisteredProgramme programme = references.programme("placeId", place.programmeId());
        Tagged tagged = tagged(programme, command.text(), command.layer(),
                command.sphere(), command.principles(), command.themes(), command.source());
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, programme);
        String recordedBy = CommandInput.identifier("recordedBy", command.recordedBy());
        PersonalData evidence = evidence(command.evidence(), place.programmeId(), references);
        apply(new InsightRecorded(command.insightId(), place.id(), place.programmeId(), tagged.text(),
                command.unintended(), tagged.layer(), tagged.sphere(), tagged.principles(), tagged.themes(),
                tagged.source(), evidence, happenedOn, now, recordedBy));
    }

    @CommandHandler
    public long handle(ReviseInsightCommand command, References references, Clock clock) {
        stillStanding();
        RegisteredProgramme programme = references.programme("insightId", programmeId);
        Tagged revised = tagged(programme,
                ReviseInsightCommand.merged(command.text(), current.text()),
                ReviseInsightCommand.merged(command.layer(), current.layer()),
                ReviseInsightCommand.merged(command.sphere(), current.sphere()),
                ReviseInsightCommand.merged(command.principles(), current.principles()),
                ReviseInsightCommand.merged(command.themes(), current.themes()),
                ReviseInsightCommand.merged(command.source(), current.source()));
        String reason = CommandInput.text("reason", command.reason(), CommandInput.MAX_TEXT);
        String by = CommandInput.identifier("by", command.by());
        if (revised.equals(current)) {
            throw new CommandRejected("text", "the revision changes neither the text nor the tags");
        }
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, programme);
        apply(new InsightRevised(insightId, placeId, programmeId, revised.text(), revised.layer(), revised.sphere(),
                revised.principles(), revised.themes(), revised.source(), reason, happenedOn, now, by));
        return version;
    }

    @CommandHandler
    public long handle(RetractInsightCommand command, References references, Clock clock) {
        stillStanding();
        String reason = CommandInput.text("reason", command.reason(), CommandInput.MAX_TEXT);
        String by = CommandInput.identifier("by", command.by());
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, references.programme("insightId", programmeId));
        apply(new InsightRetracted(insightId, placeId, programmeId, reason, happenedOn, now, by));
        return version;
    }

    private void stillStanding() {
        if (retracted) {
            throw new CommandRejected("insightId", "the insight was retracted");
        }
    }

    private static Tagged tagged(RegisteredProgramme programme, String text, Layer layer, Sphere sphere,
                                 List<String> principles, List<String> themes, String source) {
        String checkedText = CommandInput.text("text", text, MAX_TEXT_LENGTH);
        if (layer == null) {
            throw new CommandRejected("layer", "must be given");
        }
        List<String> checkedPrinciples = CommandInput.labels("principles", principles);
        List<String> checkedThemes = CommandInput.labels("themes", themes);
        String checkedSource = CommandInput.optionalText("source", source, CommandInput.MAX_LABEL);
        References.frameworkTags(programme.framework(), checkedPrinciples, checkedThemes, checkedSource);
        return new Tagged(checkedText, layer, sphere, checkedPrinciples, checkedThemes, checkedSource);
    }

    /** A quote goes into the event only from a registered person who agreed, with consent for this quote. */
    private static PersonalData evidence(RecordInsightCommand.Evidence evidence, String programmeId,
                                         References references) {
        if (evidence == null) {
            return null;
        }
        RegisteredSubject person = references.person("evidence.personId", programmeId, evidence.personId());
        String quote = CommandInput.text("evidence.quote", evidence.quote(), CommandInput.MAX_TEXT);
        if (!evidence.consent()) {
            throw new CommandRejected("evidence.consent", "a quote is recorded only with the person's consent");
        }
        if (!person.mayBeQuoted()) {
            throw new CommandRejected("evidence.personId", "this person did not agree to be quoted");
        }
        return PersonalData.quote(person.id(), quote);
    }

    @EventSourcingHandler
    void on(InsightRecorded event, @SequenceNumber long sequence) {
        insightId = event.insightId();
        placeId = event.placeId();
        programmeId = event.programmeId();
        current = new Tagged(event.text(), event.layer(), event.sphere(), event.principles(), event.themes(),
                event.source());
        version = sequence;
    }

    @EventSourcingHandler
    void on(InsightRevised event, @SequenceNumber long sequence) {
        current = new Tagged(event.text(), event.layer(), event.sphere(), event.principles(), event.themes(),
                event.source());
        version = sequence;
    }

    @EventSourcingHandler
    void on(InsightRetracted event, @SequenceNumber long sequence) {
        retracted = true;
        version = sequence;
    }
}
