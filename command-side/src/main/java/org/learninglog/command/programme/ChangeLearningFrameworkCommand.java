package org.learninglog.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.learninglog.events.framework.LearningFramework;

import java.util.List;
import java.util.Optional;

/**
 * Change a programme's learning framework. Each list is {@code null} to keep it as it is, an
 * empty optional to clear it, or the new list as a whole.
 *
 * @param expectedVersion the programme's version the administrator saw; {@code null} for no check
 */
public record ChangeLearningFrameworkCommand(@TargetAggregateIdentifier String programmeId,
                                             @TargetAggregateVersion Long expectedVersion,
                                             Optional<List<String>> principles, Optional<List<String>> themes,
                                             Optional<List<String>> sources, String reason, String by) {

    /** Replaces the whole framework. */
    public static ChangeLearningFrameworkCommand replacing(String programmeId, Long expectedVersion,
                                                           LearningFramework framework, String reason, String by) {
        return new ChangeLearningFrameworkCommand(programmeId, expectedVersion, Optional.of(framework.principles()),
                Optional.of(framework.themes()), Optional.of(framework.sources()), reason, by);
    }

    /** The framework after the change, from the one it changes. */
    LearningFramework applyTo(LearningFramework current) {
        return new LearningFramework(merged(principles, current.principles()), merged(themes, current.themes()),
                merged(sources, current.sources()));
    }

    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    private static <T> T merged(Optional<T> change, T current) {
        return change == null ? current : change.orElse(null);
    }
}
