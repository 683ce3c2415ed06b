package org.learninglog.events.activity;

import org.learninglog.events.personal.PersonalData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a session's evaluation forms, as counts: every share a view shows is worked out
 * from these, beside its base, never stored as a share.
 *
 * @param formsReturned        how many forms came back: the base of every share
 * @param ratings              forms per answer of the activity's rating scale
 * @param mostUseful           forms naming each of the activity's "most useful" choices (several per form)
 * @param gotWhatTheyWanted    forms answering {@code all}, {@code some} or {@code none}
 * @param comments             comments no one can be named from
 * @param attributedComments   comments of a named person: personal data, unreadable once they withdraw
 */
public record SessionEvaluation(int formsReturned, Map<String, Integer> ratings, Map<String, Integer> mostUseful,
                                Map<String, Integer> gotWhatTheyWanted, List<String> comments,
                                List<PersonalData> attributedComments) {

    public SessionEvaluation {
        ratings = ratings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ratings));
        mostUseful = mostUseful == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mostUseful));
        gotWhatTheyWanted = gotWhatTheyWanted == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gotWhatTheyWanted));
        comments = comments == null ? List.of() : List.copyOf(comments);
        attributedComments = attributedComments == null ? List.of() : List.copyOf(attributedComments);
    }
}
