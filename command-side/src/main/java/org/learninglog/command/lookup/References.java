package org.learninglog.command.lookup;

import org.learninglog.command.CommandRejected;
import org.learninglog.command.UnknownReference;
import org.learninglog.events.framework.LearningFramework;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.learninglog.command.lookup.Lookup.Kind;

/**
 * The checks across aggregates that command handlers make, on the {@link Lookup}: what a command
 * names exists, in the same programme (404 otherwise, naming the field), may still be cited
 * (422 otherwise), and tags come from the programme's framework (422 otherwise).
 */
@Component
public class References {

    private final Lookup lookup;

    public References(Lookup lookup) {
        this.lookup = lookup;
    }

    public RegisteredProgramme programme(String field, String programmeId) {
        return lookup.programme(programmeId).orElseThrow(() -> new UnknownReference("programme", field));
    }

    /** A place of any programme: the place's own record says which. */
    public RegisteredSubject place(String field, String placeId) {
        return lookup.find(Kind.PLACE, placeId).orElseThrow(() -> new UnknownReference("place", field));
    }

    public RegisteredSubject place(String field, String programmeId, String placeId) {
        return inProgramme(Kind.PLACE, "place", field, programmeId, placeId);
    }

    public RegisteredSubject person(String field, String programmeId, String personId) {
        return inProgramme(Kind.PERSON, "person", field, programmeId, personId);
    }

    public RegisteredSubject insight(String field, String insightId) {
        return lookup.find(Kind.INSIGHT, insightId).orElseThrow(() -> new UnknownReference("insight", field));
    }

    public RegisteredSubject practice(String field, String practiceId) {
        return lookup.find(Kind.PRACTICE, practiceId).orElseThrow(() -> new UnknownReference("practice", field));
    }

    public RegisteredSubject practice(String field, String programmeId, String practiceId) {
        return inProgramme(Kind.PRACTICE, "practice", field, programmeId, practiceId);
    }

    public RegisteredSubject sharedLearning(String field, String sharedLearningId) {
        return lookup.find(Kind.SHARED_LEARNING, sharedLearningId)
                .orElseThrow(() -> new UnknownReference("shared learning", field));
    }

    public void places(String field, String programmeId, List<String> placeIds) {
        placeIds.forEach(id -> place(field, programmeId, id));
    }

    public void funders(String field, String programmeId, List<String> funderIds) {
        funderIds.forEach(id -> inProgramme(Kind.FUNDER, "funder", field, programmeId, id));
    }

    public void people(String field, String programmeId, List<String> personIds) {
        personIds.forEach(id -> person(field, programmeId, id));
    }

    /** Insights of the programme that still stand: a decision may not rest on a retracted insight. */
    public void citableInsights(String field, String programmeId, List<String> insightIds) {
        for (String insightId : insightIds) {
            if (inProgramme(Kind.INSIGHT, "insight", field, programmeId, insightId).closed()) {
                throw new CommandRejected(field, "cites an insight that was retracted");
            }
        }
    }

    /** Insights of the programme, retracted or not (looking back at them is allowed). */
    public void insights(String field, String programmeId, List<String> insightIds) {
        insightIds.forEach(id -> inProgramme(Kind.INSIGHT, "insight", field, programmeId, id));
    }

    public void sharedLearnings(String field, String programmeId, List<String> sharedLearningIds) {
        sharedLearningIds.forEach(id -> inProgramme(Kind.SHARED_LEARNING, "shared learning", field, programmeId, id));
    }

    /** An adaptation of a practice of the programme. */
    public RegisteredSubject adaptation(String field, String programmeId, String practiceId, String adaptationId) {
        RegisteredSubject practice = practice(field, programmeId, practiceId);
        if (!practice.adaptations().contains(adaptationId)) {
            throw new UnknownReference("adaptation", field);
        }
        return practice;
    }

    /** Each label must be one of the framework's; otherwise 422 naming the field. */
    public static void inFramework(String field, List<String> labels, List<String> allowed) {
        for (String label : labels) {
            if (!allowed.contains(label)) {
                throw new CommandRejected(field, "'" + label + "' is not in the programme's learning framework");
            }
        }
    }

    public static void frameworkTags(LearningFramework framework, List<String> principles, List<String> themes,
                                     String source) {
        inFramework("principles", principles, framework.principles());
        inFramework("themes", themes, framework.themes());
        if (source != null) {
            inFramework("source", List.of(source), framework.sources());
        }
    }

    private RegisteredSubject inProgramme(Kind kind, String name, String field, String programmeId, String id) {
        return lookup.find(kind, id).filter(known -> known.programmeId().equals(programmeId))
                .orElseThrow(() -> new UnknownReference(name, field));
    }
}
