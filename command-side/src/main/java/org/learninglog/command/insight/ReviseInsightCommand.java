package org.learninglog.command.insight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.events.framework.Layer;
import org.learninglog.events.framework.Sphere;

import java.util.List;

/** Give an insight new wording or tags (the whole of both, as they should read), with the reason. */
public record ReviseInsightCommand(@TargetAggregateIdentifier String insightId,
                                   @TargetAggregateVersion Long expectedVersion, String text, Layer layer,
                                   Sphere sphere, List<String> principles, List<String> themes, String source,
                                   String reason, String by) {
}
