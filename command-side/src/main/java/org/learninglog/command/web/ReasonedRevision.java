package org.learninglog.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.learninglog.command.CommandInput;

import java.util.List;

/**
 * A merge patch of something tagged by the programme's learning framework and revised for a
 * reason: the themes (a list as a whole; {@code null} clears them) and the reason, which is not
 * part of what is revised and is required with every revision. An insight's revision and a change
 * of the framework itself share them.
 */
public abstract class ReasonedRevision extends MergePatch {

    @Size(max = CommandInput.MAX_LIST)
    private List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> themes;
    @NotBlank
    @Size(max = CommandInput.MAX_TEXT)
    private String reason;

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        sent("themes", themes);
        this.themes = themes;
    }

    /** Why it is revised: required with every revision. */
    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
