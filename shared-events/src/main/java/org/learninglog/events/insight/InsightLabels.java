package org.learninglog.events.insight;

import java.util.ArrayList;
import java.util.List;

/** An insight's framework labels in one list, as the simple views show them. */
final class InsightLabels {

    private InsightLabels() {
    }

    /** Principles, then themes, then the source if there is one. */
    static List<String> of(List<String> principles, List<String> themes, String source) {
        List<String> labels = new ArrayList<>(principles);
        labels.addAll(themes);
        if (source != null) {
            labels.add(source);
        }
        return List.copyOf(labels);
    }
}
