package org.learninglog.query.programme;

import org.learninglog.query.view.TimelineLine;

/** Step {@code step} (from 1) of a programme's replay: the event of that step and the state after it. */
public record ReplayStep(String programmeId, long step, long steps, TimelineLine event, ReplayState stateAfter,
                         Long previousStep, Long nextStep) {
}
