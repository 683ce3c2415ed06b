package org.learninglog.command.insight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Give an insight new wording or tags, with the reason. Each change is {@code null} to keep the
 * value as it is, an empty optional to clear it, or the new value: the insight keeps whatever the
 * revision does not name. {@code happenedOn} is the revision's own day in the story ({@code null}
 * for the day of recording), not a change of the insight.
 */
public record ReviseInsightCommand(@TargetAggregateIdentifier String insightId,
                                   @TargetAggregateVersion Long expectedVersion, Optional<String> text,
                                   Optional<Layer> layer, Optional<Sphere> sphere, Optional<List<String>> principles,
                                   Optional<List<String>> themes, Optional<String> source, String reason,
                                   LocalDate happenedOn, String by) {

    /** The new value of one field, or the current one when the revision leaves it alone. */
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    static <T> T merged(Optional<T> change, T current) {
        return change == null ? current : change.orElse(null);
    }
}
