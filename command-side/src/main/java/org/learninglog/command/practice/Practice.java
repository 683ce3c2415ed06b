package org.learninglog.command.practice;

import org.learninglog.command.CommandSideConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.Appended;
import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.UnknownReference;
import org.learninglog.command.lookup.RegisteredSubject;
import org.learninglog.command.lookup.References;
import org.learninglog.command.story.StoryDay;
import org.learninglog.events.practice.AdaptationOutcomeReviewed;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.events.practice.PracticeRetired;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One practice of a place: how the place works on one thing, and each change to it. A practice's
 * history is a handful of versions, so its stream stays short.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Practice {

    @AggregateIdentifier
    private String practiceId;
    private String placeId;
    private String programmeId;
    private String description;
    private final Set<String> adaptations = new HashSet<>();
    private final Map<String, Integer> reviews = new HashMap<>();
    private boolean retired;
    private long version;

    protected Practice() {
        // for event sourcing
    }

    @CommandHandler
    public Practice(AdoptPracticeCommand command, References references, Clock clock) {
        CommandInput.identifier("practiceId", command.practiceId());
        RegisteredSubject place = references.place("placeId", command.placeId());
        String name = CommandInput.text("name", command.name(), CommandInput.MAX_NAME);
        String description = CommandInput.text("description", command.description(), CommandInput.MAX_TEXT);
        String why = CommandInput.text("why", command.why(), CommandInput.MAX_TEXT);
        Decision decision = decision(references, place.programmeId(), command.insightIds(),
                command.sharedLearningIds(), command.decidedBy(), command.forum());
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now,
                references.programme("placeId", place.programmeId()));
        String by = CommandInput.identifier("by", command.by());
        apply(new PracticeAdopted(command.practiceId(), place.id(), place.programmeId(), name, description, why,
                decision.insightIds(), decision.sharedLearningIds(), decision.decidedBy(), decision.forum(),
                happenedOn, now, by));
    }

    @CommandHandler
    public long handle(AdaptPracticeCommand command, References references, Clock clock) {
        stillInUse();
        CommandInput.identifier("adaptationId", command.adaptationId());
        if (adaptations.contains(command.adaptationId())) {
            throw new CommandRejected("adaptationId", "this practice already has an adaptation with this id");
        }
        String becomes = CommandInput.text("becomes", command.becomes(), CommandInput.MAX_TEXT);
        String why = CommandInput.text("why", command.why(), CommandInput.MAX_TEXT);
        Decision decision = decision(references, programmeId, command.insightIds(), command.sharedLearningIds(),
                command.decidedBy(), command.forum());
        if (decision.insightIds().isEmpty() && decision.sharedLearningIds().isEmpty()) {
            throw new CommandRejected("insightIds", "an adaptation rests on at least one insight or shared learning");
        }
        if (becomes.equals(description)) {
            throw new CommandRejected("becomes", "is how the practice already works");
        }
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, references.programme("practiceId", programmeId));
        String by = CommandInput.identifier("by", command.by());
        apply(new PracticeAdapted(practiceId, command.adaptationId(), placeId, programmeId, description, becomes, why,
                decision.insightIds(), decision.sharedLearningIds(), decision.decidedBy(), decision.forum(),
                happenedOn, now, by));
        return version;
    }

    @CommandHandler
    public long handle(RetirePracticeCommand command, References references, Clock clock) {
        stillInUse();
        String why = CommandInput.text("why", command.why(), CommandInput.MAX_TEXT);
        List<String> insightIds = CommandInput.identifiers("insightIds", command.insightIds());
        references.insights("insightIds", programmeId, insightIds);
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, references.programme("practiceId", programmeId));
        String by = CommandInput.identifier("by", command.by());
        apply(new PracticeRetired(practiceId, placeId, programmeId, why, insightIds, happenedOn, now, by));
        return version;
    }

    /** A retired practice's last adaptations may still be reviewed: what came of them is worth knowing. */
    @CommandHandler
    public Appended handle(ReviewAdaptationOutcomeCommand command, References references, Clock clock) {
        if (!adaptations.contains(command.adaptationId())) {
            throw new UnknownReference("adaptation", "adaptationId");
        }
        if (command.outcome() == null) {
            throw new CommandRejected("outcome", "must be given");
        }
        String notes = CommandInput.text("notes", command.notes(), CommandInput.MAX_TEXT);
        List<String> insightIds = CommandInput.identifiers("insightIds", command.insightIds());
        references.insights("insightIds", programmeId, insightIds);
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, references.programme("practiceId", programmeId));
        String by = CommandInput.identifier("by", command.by());
        apply(new AdaptationOutcomeReviewed(practiceId, command.adaptationId(), placeId, programmeId,
                command.outcome(), notes, insightIds, happenedOn, now, by));
        return new Appended(version, reviews.get(command.adaptationId()));
    }

    private record Decision(List<String> insightIds, List<String> sharedLearningIds, List<String> decidedBy,
                            String forum) {
    }

    private static Decision decision(References references, String programmeId, List<String> insightIds,
                                     List<String> sharedLearningIds, List<String> decidedBy, String forum) {
        List<String> insights = CommandInput.identifiers("insightIds", insightIds);
        List<String> shared = CommandInput.identifiers("sharedLearningIds", sharedLearningIds);
        List<String> deciders = CommandInput.identifiers("decidedBy", decidedBy);
        String checkedForum = CommandInput.text("forum", forum, CommandInput.MAX_NAME);
        references.citableInsights("insightIds", programmeId, insights);
        references.sharedLearnings("sharedLearningIds", programmeId, shared);
        references.people("decidedBy", programmeId, deciders);
        return new Decision(insights, shared, deciders, checkedForum);
    }

    private void stillInUse() {
        if (retired) {
            throw new CommandRejected("practiceId", "the practice was retired");
        }
    }

    @EventSourcingHandler
    void on(PracticeAdopted event, @SequenceNumber long sequence) {
        practiceId = event.practiceId();
        placeId = event.placeId();
        programmeId = event.programmeId();
        description = event.description();
        version = sequence;
    }

    @EventSourcingHandler
    void on(PracticeAdapted event, @SequenceNumber long sequence) {
        description = event.becomes();
        adaptations.add(event.adaptationId());
        version = sequence;
    }

    @EventSourcingHandler
    void on(PracticeRetired event, @SequenceNumber long sequence) {
        retired = true;
        version = sequence;
    }

    @EventSourcingHandler
    void on(AdaptationOutcomeReviewed event, @SequenceNumber long sequence) {
        reviews.merge(event.adaptationId(), 1, Integer::sum);
        version = sequence;
    }
}
