package org.learninglog.query.funder;

import org.learninglog.query.view.TimelineItem;

/** Step {@code step} (from 1) of a programme's replay: the event of that step and the state after it. */
public record ReplayStep(String programmeId, long step, long steps, TimelineItem event, ReplayState stateAfter,
                         Long previousStep, Long nextStep) {
}
