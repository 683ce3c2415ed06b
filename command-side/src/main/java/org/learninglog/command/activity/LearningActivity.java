package org.learninglog.command.activity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.learninglog.command.Appended;
import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.command.UnknownReference;
import org.learninglog.command.lookup.RegisteredProgramme;
import org.learninglog.command.lookup.References;
import org.learninglog.events.activity.ActivitySessionHeld;
import org.learninglog.events.activity.LearningActivitySetUp;
import org.learninglog.events.activity.SessionEvaluated;
import org.learninglog.events.activity.SessionEvaluation;
import org.learninglog.events.activity.SessionEvaluationRevised;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A learning activity (a learning cluster, an action learning set, a masterclass series): its
 * places, its sessions as they are held, and what participants said of each on its forms.
 */
@Aggregate
public class LearningActivity {

    /** The rating scale when the activity names none, best first. */
    static final List<String> DEFAULT_SCALE = List.of("excellent", "good", "fair", "poor");

    // Any day "today" somewhere on Earth is not in the future (UTC+14 is the earliest zone)
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    @AggregateIdentifier
    private String activityId;
    private String programmeId;
    private Set<String> placeIds;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private List<String> ratingScale;
    private List<String> usefulOptions;
    private int sessions;
    private final Map<Integer, SessionEvaluation> evaluations = new HashMap<>();
    private long version;

    protected LearningActivity() {
        // for event sourcing
    }

    @CommandHandler
    public LearningActivity(SetUpActivityCommand command, References references, Clock clock) {
        CommandInput.identifier("activityId", command.activityId());
        RegisteredProgramme programme = references.programme("programmeId", command.programmeId());
        String kind = CommandInput.text("kind", command.kind(), CommandInput.MAX_LABEL);
        References.inFramework("kind", List.of(kind), programme.framework().sources());
        String topic = CommandInput.text("topic", command.topic(), CommandInput.MAX_NAME);
        List<String> places = CommandInput.identifiers("placeIds", command.placeIds());
        if (places.isEmpty()) {
            throw new CommandRejected("placeIds", "an activity has at least one place taking part");
        }
        references.places("placeIds", command.programmeId(), places);
        if (command.startsOn() == null) {
            throw new CommandRejected("startsOn", "must be given (a date, YYYY-MM-DD)");
        }
        if (command.endsOn() != null && command.endsOn().isBefore(command.startsOn())) {
            throw new CommandRejected("endsOn", "must not be before startsOn (" + command.startsOn() + ")");
        }
        List<String> scale = command.ratingScale() == null || command.ratingScale().isEmpty()
                ? DEFAULT_SCALE : CommandInput.labels("ratingScale", command.ratingScale());
        if (scale.size() < 2) {
            throw new CommandRejected("ratingScale", "needs at least two answers, best first");
        }
        List<String> useful = CommandInput.labels("usefulOptions", command.usefulOptions());
        String by = CommandInput.identifier("by", command.by());
        apply(new LearningActivitySetUp(command.activityId(), command.programmeId(), kind, topic, places,
                command.startsOn(), command.endsOn(), scale, useful, clock.instant(), by));
    }

    @CommandHandler
    public Appended handle(RecordActivitySessionCommand command, References references, Clock clock) {
        Instant now = clock.instant();
        LocalDate happenedOn = command.happenedOn();
        if (happenedOn == null) {
            throw new CommandRejected("happenedOn", "must be given (a date, YYYY-MM-DD)");
        }
        if (happenedOn.isAfter(LocalDate.ofInstant(now, EARLIEST_ZONE))) {
            throw new CommandRejected("happenedOn", "must not be in the future");
        }
        if (happenedOn.isBefore(startsOn) || (endsOn != null && happenedOn.isAfter(endsOn))) {
            throw new CommandRejected("happenedOn", "must lie within the activity's span, " + startsOn + " to "
                    + (endsOn == null ? "open" : endsOn));
        }
        String facilitator = CommandInput.optionalIdentifier("facilitatorId", command.facilitatorId());
        if (facilitator != null) {
            references.people("facilitatorId", programmeId, List.of(facilitator));
        }
        Map<String, Integer> attendance = new LinkedHashMap<>();
        if (command.attendance() != null) {
            for (Map.Entry<String, Integer> place : command.attendance().entrySet()) {
                if (!placeIds.contains(place.getKey())) {
                    throw new CommandRejected("attendance", "'" + place.getKey()
                            + "' is not one of the places taking part in this activity");
                }
                if (place.getValue() == null || place.getValue() < 0) {
                    throw new CommandRejected("attendance", "the count for '" + place.getKey() + "' must be 0 or more");
                }
                attendance.put(place.getKey(), place.getValue());
            }
        }
        List<String> attendees = CommandInput.identifiers("attendeeIds", command.attendeeIds());
        references.people("attendeeIds", programmeId, attendees);
        String by = CommandInput.identifier("by", command.by());
        int number = sessions + 1;
        apply(new ActivitySessionHeld(activityId, programmeId, number, happenedOn, facilitator, attendance, attendees,
                now, by));
        return new Appended(version, number);
    }

    @CommandHandler
    public long handle(EvaluateSessionCommand command, Clock clock) {
        int session = held(command.sessionNumber());
        if (evaluations.containsKey(session)) {
            throw new CommandRejected("sessionNumber", "session " + session
                    + " is evaluated already: revise its evaluation (PATCH, with a reason)");
        }
        SessionEvaluation evaluation = EvaluationRules.checked(command.evaluation(), ratingScale, usefulOptions);
        String by = CommandInput.identifier("by", command.by());
        apply(new SessionEvaluated(activityId, programmeId, session, evaluation, clock.instant(), by));
        return version;
    }

    @CommandHandler
    public long handle(ReviseSessionEvaluationCommand command, Clock clock) {
        int session = held(command.sessionNumber());
        SessionEvaluation was = evaluations.get(session);
        if (was == null) {
            throw new UnknownReference("evaluation", "sessionNumber");
        }
        SessionEvaluation now = EvaluationRules.checked(new SessionEvaluation(
                command.formsReturned() == null ? was.formsReturned() : command.formsReturned(),
                command.ratings() == null ? was.ratings() : command.ratings(),
                command.mostUseful() == null ? was.mostUseful() : command.mostUseful(),
                command.gotWhatTheyWanted() == null ? was.gotWhatTheyWanted() : command.gotWhatTheyWanted(),
                command.comments() == null ? was.comments() : command.comments(),
                was.attributedComments()), ratingScale, usefulOptions);
        String reason = CommandInput.text("reason", command.reason(), CommandInput.MAX_TEXT);
        String by = CommandInput.identifier("by", command.by());
        apply(new SessionEvaluationRevised(activityId, programmeId, session, now, reason, clock.instant(), by));
        return version;
    }

    private int held(int session) {
        if (session < 1 || session > sessions) {
            throw new UnknownReference("session", "sessionNumber");
        }
        return session;
    }

    @EventSourcingHandler
    void on(LearningActivitySetUp event, @SequenceNumber long sequence) {
        activityId = event.activityId();
        programmeId = event.programmeId();
        placeIds = Set.copyOf(event.placeIds());
        startsOn = event.startsOn();
        endsOn = event.endsOn();
        ratingScale = event.ratingScale();
        usefulOptions = event.usefulOptions();
        version = sequence;
    }

    @EventSourcingHandler
    void on(ActivitySessionHeld event, @SequenceNumber long sequence) {
        sessions = event.sessionNumber();
        version = sequence;
    }

    @EventSourcingHandler
    void on(SessionEvaluated event, @SequenceNumber long sequence) {
        evaluations.put(event.sessionNumber(), event.evaluation());
        version = sequence;
    }

    @EventSourcingHandler
    void on(SessionEvaluationRevised event, @SequenceNumber long sequence) {
        evaluations.put(event.sessionNumber(), event.evaluation());
        version = sequence;
    }
}
