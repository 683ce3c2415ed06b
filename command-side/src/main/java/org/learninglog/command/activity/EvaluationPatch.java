package org.learninglog.command.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.learninglog.command.CommandInput;
import org.learninglog.command.web.MergePatch;

import java.util.List;
import java.util.Map;

/**
 * A correction of a session's evaluation as a merge patch: each part sent replaces that part (a map
 * of counts as a whole: send every answer's count), each part left out stays. No part may be
 * cleared (send {@code {}} for no answers). The reason is required.
 */
public class EvaluationPatch extends MergePatch {

    private Integer formsReturned;
    private Map<String, Integer> ratings;
    private Map<String, Integer> mostUseful;
    private Map<String, Integer> gotWhatTheyWanted;
    @Size(max = CommandInput.MAX_LIST)
    private List<@Size(max = CommandInput.MAX_TEXT) String> comments;
    @NotBlank
    @Size(max = CommandInput.MAX_TEXT)
    private String reason;

    public void setFormsReturned(Integer formsReturned) {
        sent("formsReturned", formsReturned);
        this.formsReturned = formsReturned;
    }

    public void setRatings(Map<String, Integer> ratings) {
        sent("ratings", ratings);
        this.ratings = ratings;
    }

    public void setMostUseful(Map<String, Integer> mostUseful) {
        sent("mostUseful", mostUseful);
        this.mostUseful = mostUseful;
    }

    public void setGotWhatTheyWanted(Map<String, Integer> gotWhatTheyWanted) {
        sent("gotWhatTheyWanted", gotWhatTheyWanted);
        this.gotWhatTheyWanted = gotWhatTheyWanted;
    }

    public void setComments(List<String> comments) {
        sent("comments", comments);
        this.comments = comments;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Integer getFormsReturned() {
        return formsReturned;
    }

    public Map<String, Integer> getRatings() {
        return ratings;
    }

    public Map<String, Integer> getMostUseful() {
        return mostUseful;
    }

    public Map<String, Integer> getGotWhatTheyWanted() {
        return gotWhatTheyWanted;
    }

    public List<String> getComments() {
        return comments;
    }

    public String getReason() {
        return reason;
    }

    ReviseSessionEvaluationCommand command(String activityId, long expectedVersion, int session, String by) {
        refuseClearing("formsReturned", "ratings", "mostUseful", "gotWhatTheyWanted", "comments");
        return new ReviseSessionEvaluationCommand(activityId, expectedVersion, session, formsReturned, ratings,
                mostUseful, gotWhatTheyWanted, comments, reason, by);
    }
}
