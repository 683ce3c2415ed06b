package org.learninglog.command.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.learninglog.command.CommandInput;
import org.learninglog.command.web.MergePatch;

import java.util.List;

/**
 * A change of a programme's learning framework as a merge patch: only the lists sent change (each
 * as a whole); {@code null} clears the themes or sources; the principles may be changed but not
 * cleared. The reason is not part of the framework and is required with every change.
 */
public class FrameworkPatch extends MergePatch {

    @Size(min = 1, max = CommandInput.MAX_LIST)
    private List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> principles;
    @Size(max = CommandInput.MAX_LIST)
    private List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> themes;
    @Size(max = CommandInput.MAX_LIST)
    private List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> sources;
    @NotBlank
    @Size(max = CommandInput.MAX_TEXT)
    private String reason;

    public List<String> getPrinciples() {
        return principles;
    }

    public void setPrinciples(List<String> principles) {
        sent("principles", principles);
        this.principles = principles;
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        sent("themes", themes);
        this.themes = themes;
    }

    public List<String> getSources() {
        return sources;
    }

    public void setSources(List<String> sources) {
        sent("sources", sources);
        this.sources = sources;
    }

    /** Why it changes: required with every change. */
    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    ChangeLearningFrameworkCommand command(String programmeId, long expectedVersion, String by) {
        refuseClearing("principles");
        return new ChangeLearningFrameworkCommand(programmeId, expectedVersion, change("principles", principles),
                change("themes", themes), change("sources", sources), reason, by);
    }
}
