package org.learninglog.command.activity;

import org.learninglog.command.CommandInput;
import org.learninglog.command.CommandRejected;
import org.learninglog.events.activity.SessionEvaluation;
import org.learninglog.events.personal.PersonalData;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a session's form results must be: counts, never negative, against the activity's own scale
 * and choices, and never more answers to a single-answer question than forms returned (a share is
 * always read against its base, so the base must hold every answer).
 */
final class EvaluationRules {

    static final List<String> GOT_WHAT_THEY_WANTED = List.of("all", "some", "none");

    private EvaluationRules() {
    }

    static SessionEvaluation checked(SessionEvaluation evaluation, List<String> scale, List<String> usefulOptions) {
        if (evaluation == null) {
            throw new CommandRejected("evaluation", "must be given");
        }
        int forms = evaluation.formsReturned();
        if (forms < 0) {
            throw new CommandRejected("formsReturned", "must be 0 or more");
        }
        int rated = counts("ratings", evaluation.ratings(), Set.copyOf(scale), "the activity's rating scale " + scale);
        if (rated > forms) {
            throw new CommandRejected("ratings", "hold " + rated + " answers, more than the " + forms
                    + " forms returned (each form gives one rating)");
        }
        int useful = counts("mostUseful", evaluation.mostUseful(), Set.copyOf(usefulOptions),
                "the activity's choices " + usefulOptions);
        if (useful > 0 && forms == 0) {
            throw new CommandRejected("mostUseful", "has answers but no form was returned");
        }
        for (Map.Entry<String, Integer> choice : evaluation.mostUseful().entrySet()) {
            if (choice.getValue() > forms) {
                throw new CommandRejected("mostUseful", "'" + choice.getKey() + "' is named on " + choice.getValue()
                        + " forms, more than the " + forms + " returned");
            }
        }
        int answered = counts("gotWhatTheyWanted", evaluation.gotWhatTheyWanted(), Set.copyOf(GOT_WHAT_THEY_WANTED),
                "all, some or none");
        if (answered > forms) {
            throw new CommandRejected("gotWhatTheyWanted", "hold " + answered + " answers, more than the " + forms
                    + " forms returned");
        }
        List<String> comments = evaluation.comments().stream()
                .map(comment -> CommandInput.text("comments", comment, CommandInput.MAX_TEXT)).toList();
        for (PersonalData attributed : evaluation.attributedComments()) {
            CommandInput.identifier("attributedComments.personId", attributed.personId());
            CommandInput.text("attributedComments.quote", attributed.quote(), CommandInput.MAX_TEXT);
        }
        return new SessionEvaluation(forms, evaluation.ratings(), evaluation.mostUseful(),
                evaluation.gotWhatTheyWanted(), comments, evaluation.attributedComments());
    }

    private static int counts(String field, Map<String, Integer> counts, Set<String> allowed, String allowedWords) {
        int total = 0;
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            if (!allowed.contains(count.getKey())) {
                throw new CommandRejected(field, "'" + count.getKey() + "' is not one of " + allowedWords);
            }
            if (count.getValue() == null || count.getValue() < 0) {
                throw new CommandRejected(field, "the count of '" + count.getKey() + "' must be 0 or more");
            }
            total += count.getValue();
        }
        return total;
    }
}
