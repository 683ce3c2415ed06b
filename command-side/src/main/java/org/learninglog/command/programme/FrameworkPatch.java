package org.learninglog.command.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.learninglog.command.CommandInput;
import org.learninglog.command.web.ReasonedRevision;

import java.util.List;

/**
 * A change of a programme's learning framework as a merge patch: only the lists sent change (each
 * as a whole); {@code null} clears the themes or sources; the principles may be changed but not
 * cleared. The reason is not part of the framework and is required with every change.
 */
public class FrameworkPatch extends ReasonedRevision {

    @Size(min = 1, max = CommandInput.MAX_LIST)
    private List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> principles;
    @Size(max = CommandInput.MAX_LIST)
    private List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> sources;

    public List<String> getPrinciples() {
        return principles;
    }

    public void setPrinciples(List<String> principles) {
        sent("principles", principles);
        this.principles = principles;
    }

    public List<String> getSources() {
        return sources;
    }

    public void setSources(List<String> sources) {
        sent("sources", sources);
        this.sources = sources;
    }

    ChangeLearningFrameworkCommand command(String programmeId, long expectedVersion, String by) {
        refuseClearing("principles");
        return new ChangeLearningFrameworkCommand(programmeId, expectedVersion, change("principles", principles),
                change("themes", getThemes()), change("sources", sources), getReason(), by);
    }
}
