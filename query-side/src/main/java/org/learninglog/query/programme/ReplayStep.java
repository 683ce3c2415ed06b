package org.learninglog.query.programme;

import org.learninglog.query.view.TimelineLine;

/**
 * Step {@code step} (from 1) of a programme's replay: the event of that step and the state after
 * it, the steps taken in the {@code order} recorded or in the story's.
 */
public record ReplayStep(String programmeId, long step, long steps, TimelineLine event, ReplayState stateAfter,
                         Long previousStep, Long nextStep, ClockOrder order) {
}
