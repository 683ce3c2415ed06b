package org.learninglog.command.access;

import org.learninglog.command.lookup.RegisteredSubject;
import org.learninglog.command.lookup.Lookup;
import org.learninglog.command.lookup.Lookup.Kind;
import org.learninglog.security.AccessPolicy;
import org.learninglog.security.CurrentMember;
import org.learninglog.security.Role;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may send each command, checked before it is sent so that a refused request stores nothing.
 * Records addressed by their own identifier (an insight, a practice, a shared learning, a person)
 * are traced to their place and programme through the command side's lookup. Something unknown is
 * let through to the command, which answers 404 as it always does.
 */
@Component
public class WriteAccess {

    private final AccessPolicy policy;
    private final Lookup lookup;

    public WriteAccess(AccessPolicy policy, Lookup lookup) {
        this.policy = policy;
        this.lookup = lookup;
    }

    /** The member acting: the actor on the events this request records. */
    public String actor() {
        return CurrentMember.get().id();
    }

    /** Starting a programme: the installation's operators. */
    public void registerProgramme() {
        policy.requireOperator("register a programme");
    }

    /** Its framework, places, funders, and people of no place: the programme's administrators. */
    public void administer(String programmeId, String action) {
        policy.requireAdmin(programmeId, action);
    }

    /** Recording for a place: its members and the programme's administrators. */
    public void writeFor(String placeId, String action) {
        Optional<RegisteredSubject> place = lookup.find(Kind.PLACE, placeId);
        place.ifPresent(known -> policy.requireWritePlace(known.programmeId(), placeId, action));
    }

    /** Recording for a place named in the request, within a programme. */
    public void writeFor(String programmeId, String placeId, String action) {
        policy.requireWritePlace(programmeId, placeId, action);
    }

    public void insight(String insightId, String action) {
        owned(Kind.INSIGHT, insightId, action);
    }

    public void practice(String practiceId, String action) {
        owned(Kind.PRACTICE, practiceId, action);
    }

    /** A person of a place: that place's members; a person of no place: the administrators. */
    public void person(String programmeId, String personId, String action) {
        RegisteredSubject person = lookup.find(Kind.PERSON, personId).filter(known -> programmeId.equals(known.programmeId()))
                .orElse(null);
        if (person == null || person.placeId() == null) {
            policy.requireAdmin(programmeId, action);
        } else {
            policy.requireWritePlace(programmeId, person.placeId(), action);
        }
    }

    /** A place adopting or answering shared learning: members of that place, in the learning's programme. */
    public void sharedLearning(String sharedLearningId, String placeId, String action) {
        Optional<RegisteredSubject> shared = lookup.find(Kind.SHARED_LEARNING, sharedLearningId);
        if (shared.isEmpty()) {
            return;
        }
        String programmeId = shared.get().programmeId();
        if (placeId == null) {
            policy.requireRole(programmeId, action, Role.LEARNING_PARTNER);
        } else {
            policy.requireWritePlace(programmeId, placeId, action);
        }
    }

    /** Learning shared by a place (its members) or by the programme (learning partners). */
    public void share(String programmeId, String placeId, String action) {
        if (placeId == null) {
            policy.requireRole(programmeId, action, Role.LEARNING_PARTNER);
        } else {
            policy.requireWritePlace(programmeId, placeId, action);
        }
    }

    /**
     * People of no place (partnership members, evaluators, council officers) are registered by the
     * administrators, and by the learning partners, who bring them to sensemaking sessions.
     */
    public void registerPersonOfNoPlace(String programmeId) {
        policy.requireRole(programmeId, "register a person of no place", Role.LEARNING_PARTNER);
    }

    /** Sensemaking sessions are the learning partners' (and administrators'). */
    public void sensemaking(String programmeId, String action) {
        policy.requireRole(programmeId, action, Role.LEARNING_PARTNER);
    }

    /**
     * A learning activity's sessions and evaluations: the learning partners (and administrators)
     * of its programme.
     */
    public void activity(String activityId, String action) {
        lookup.find(Kind.ACTIVITY, activityId)
                .ifPresent(known -> policy.requireRole(known.programmeId(), action, Role.LEARNING_PARTNER));
    }

    /** Loading the demo programme: the installation's operators. */
    public void loadDemo() {
        policy.requireOperator("load the demo programme");
    }

    private void owned(Kind kind, String id, String action) {
        lookup.find(kind, id).ifPresent(known -> {
            if (known.placeId() == null) {
                policy.requireAdmin(known.programmeId(), action);
            } else {
                policy.requireWritePlace(known.programmeId(), known.placeId(), action);
            }
        });
    }
}
