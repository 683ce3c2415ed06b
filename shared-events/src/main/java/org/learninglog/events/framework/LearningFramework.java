package org.learninglog.events.framework;

import java.util.List;

/**
 * The tags a programme lets its members put on learning: its principles, themes and sources.
 * Each programme has its own; it is data, and changes over time by events. Layers and spheres are
 * not part of it: they are the fixed {@link Layer} and {@link Sphere}.
 *
 * @param principles the learning principles, as short labels
 * @param themes     the themes learning is grouped under
 * @param sources    where learning may come from (a coaching session, a workshop, fieldwork...)
 */
public record LearningFramework(List<String> principles, List<String> themes, List<String> sources) {

    public LearningFramework {
        principles = principles == null ? List.of() : List.copyOf(principles);
        themes = themes == null ? List.of() : List.copyOf(themes);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
