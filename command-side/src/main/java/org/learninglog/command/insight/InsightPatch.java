package org.learninglog.command.insight;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.learninglog.command.CommandInput;
import org.learninglog.command.web.ReasonedRevision;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A revision of an insight as a merge patch: only the fields sent change; {@code null} clears the
 * sphere, source, principles or themes; text and layer may be changed but not cleared. The reason
 * is not part of the insight and is required with every revision; nor is {@code happenedOn}, the
 * revision's own day in the story (the day of recording when left out).
 */
public class InsightPatch extends ReasonedRevision {

    @Size(max = Insight.MAX_TEXT_LENGTH)
    @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
    private String text;
    private Layer layer;
    private Sphere sphere;
    @Size(max = CommandInput.MAX_LIST)
    private List<@NotBlank @Size(max = CommandInput.MAX_LABEL) String> principles;
    @Size(max = CommandInput.MAX_LABEL)
    private String source;
    private LocalDate happenedOn;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        sent("text", text);
        this.text = text;
    }

    public Layer getLayer() {
        return layer;
    }

    public void setLayer(Layer layer) {
        sent("layer", layer);
        this.layer = layer;
    }

    public Sphere getSphere() {
        return sphere;
    }

    public void setSphere(Sphere sphere) {
        sent("sphere", sphere);
        this.sphere = sphere;
    }

    public List<String> getPrinciples() {
        return principles;
    }

    public void setPrinciples(List<String> principles) {
        sent("principles", principles);
        this.principles = principles;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        sent("source", source);
        this.source = source;
    }

    /** The day the revision was made in the story, if not today: not a change of the insight. */
    public LocalDate getHappenedOn() {
        return happenedOn;
    }

    public void setHappenedOn(LocalDate happenedOn) {
        this.happenedOn = happenedOn;
    }

    ReviseInsightCommand command(String insightId, long expectedVersion, String by) {
        refuseClearing("text", "layer");
        return new ReviseInsightCommand(insightId, expectedVersion, change("text", text), change("layer", layer),
                change("sphere", sphere), change("principles", principles), change("themes", getThemes()),
                change("source", source), getReason(), happenedOn, by);
    }

    /** Personal data may be quoted in the text; it stays out of logs. */
    @Override
    public String toString() {
        return "InsightPatch[(values withheld)]";
    }
}
