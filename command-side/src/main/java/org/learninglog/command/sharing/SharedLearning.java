package org.learninglog.command.sharing;

import org.learninglog.command.CommandSideConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.Appended;
import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.lookup.RegisteredSubject;
import org.learninglog.command.lookup.RegisteredProgramme;
import org.learninglog.command.lookup.References;
import org.learninglog.command.story.StoryDay;
import org.learninglog.events.sharing.LearningShared;
import org.learninglog.events.sharing.SharedLearningAdopted;
import org.learninglog.events.sharing.SharedLearningRespondedTo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A learning passed on to an audience, and what became of it: which places took it up, who
 * responded. Its stream grows by one event per adoption or response, a handful in practice.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class SharedLearning {

    @AggregateIdentifier
    private String sharedLearningId;
    private String programmeId;
    private String placeId;
    private final Set<String> adoptedBy = new HashSet<>();
    private int responses;
    private long version;

    protected SharedLearning() {
        // for event sourcing
    }

    @CommandHandler
    public SharedLearning(ShareLearningCommand command, References references, Clock clock) {
        CommandInput.identifier("sharedLearningId", command.sharedLearningId());
        RegisteredProgramme programme = references.programme("programmeId", command.programmeId());
        String from = CommandInput.optionalIdentifier("placeId", command.placeId());
        if (from != null) {
            references.place("placeId", command.programmeId(), from);
        }
        String title = CommandInput.text("title", command.title(), CommandInput.MAX_NAME);
        String summary = CommandInput.text("summary", command.summary(), CommandInput.MAX_TEXT);
        LearningShared.Audience audience = audience(command.audience(), command.programmeId(), references);
        List<String> insightIds = CommandInput.identifiers("insightIds", command.insightIds());
        references.citableInsights("insightIds", command.programmeId(), insightIds);
        List<LearningShared.AdaptationRef> adaptations = command.adaptations() == null ? List.of()
                : List.copyOf(command.adaptations());
        if (adaptations.size() > CommandInput.MAX_LIST) {
            throw new CommandRejected("adaptations", "must hold at most " + CommandInput.MAX_LIST + " entries");
        }
        for (LearningShared.AdaptationRef ref : adaptations) {
            CommandInput.identifier("adaptations", ref.practiceId());
            references.adaptation("adaptations", command.programmeId(), ref.practiceId(), ref.adaptationId());
        }
        if (insightIds.isEmpty() && adaptations.isEmpty()) {
            throw new CommandRejected("insightIds", "a shared learning is built on at least one insight or adaptation");
        }
        String by = CommandInput.identifier("by", command.by());
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, programme);
        apply(new LearningShared(command.sharedLearningId(), command.programmeId(), from, title, summary, audience,
                insightIds, adaptations, happenedOn, now, by));
    }

    @CommandHandler
    public Appended handle(AdoptSharedLearningCommand command, References references, Clock clock) {
        RegisteredSubject place = references.place("placeId", programmeId, command.placeId());
        if (place.id().equals(placeId)) {
            throw new CommandRejected("placeId", "a place does not adopt its own shared learning");
        }
        if (adoptedBy.contains(place.id())) {
            throw new CommandRejected("placeId", "this place already adopted this shared learning");
        }
        RegisteredSubject practice = references.practice("practiceId", programmeId, command.practiceId());
        if (!Objects.equals(practice.placeId(), place.id())) {
            throw new CommandRejected("practiceId", "the practice is not one of the adopting place's");
        }
        if (command.adaptationId() != null) {
            references.adaptation("adaptationId", programmeId, command.practiceId(), command.adaptationId());
        }
        String note = CommandInput.text("note", command.note(), CommandInput.MAX_TEXT);
        String by = CommandInput.identifier("by", command.by());
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, references.programme("sharedLearningId", programmeId));
        apply(new SharedLearningAdopted(sharedLearningId, programmeId, place.id(), practice.id(),
                command.adaptationId(), note, happenedOn, now, by));
        return new Appended(version, adoptedBy.size());
    }

    @CommandHandler
    public Appended handle(RespondToSharedLearningCommand command, References references, Clock clock) {
        String from = CommandInput.optionalIdentifier("placeId", command.placeId());
        if (from != null) {
            references.place("placeId", programmeId, from);
        }
        if (command.kind() == null) {
            throw new CommandRejected("kind", "must be given");
        }
        String text = CommandInput.text("text", command.text(), CommandInput.MAX_TEXT);
        String by = CommandInput.identifier("by", command.by());
        Instant now = clock.instant();
        LocalDate happenedOn = StoryDay.of(command.happenedOn(), now, references.programme("sharedLearningId", programmeId));
        apply(new SharedLearningRespondedTo(sharedLearningId, programmeId, from, command.kind(), text, happenedOn,
                now, by));
        return new Appended(version, responses);
    }

    private static LearningShared.Audience audience(LearningShared.Audience audience, String programmeId,
                                                    References references) {
        if (audience == null) {
            throw new CommandRejected("audience", "must be given");
        }
        List<String> placeIds = CommandInput.identifiers("audience.placeIds", audience.placeIds());
        List<String> funderIds = CommandInput.identifiers("audience.funderIds", audience.funderIds());
        references.places("audience.placeIds", programmeId, placeIds);
        references.funders("audience.funderIds", programmeId, funderIds);
        if (!audience.wholeProgramme() && placeIds.isEmpty() && funderIds.isEmpty()) {
            throw new CommandRejected("audience", "names nobody: the programme, places or funders");
        }
        return new LearningShared.Audience(audience.wholeProgramme(), placeIds, funderIds);
    }

    @EventSourcingHandler
    void on(LearningShared event, @SequenceNumber long sequence) {
        sharedLearningId = event.sharedLearningId();
        programmeId = event.programmeId();
        placeId = event.placeId();
        version = sequence;
    }

    @EventSourcingHandler
    void on(SharedLearningAdopted event, @SequenceNumber long sequence) {
        adoptedBy.add(event.placeId());
        version = sequence;
    }

    @EventSourcingHandler
    void on(SharedLearningRespondedTo event, @SequenceNumber long sequence) {
        responses++;
        version = sequence;
    }
}
