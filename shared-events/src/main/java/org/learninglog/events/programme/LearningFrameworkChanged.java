package org.learninglog.events.programme;

import org.axonframework.serialization.Revision;
import org.learninglog.events.framework.LearningFramework;

import java.time.Instant;

/**
 * A programme's learning framework changed. It carries the whole framework as it reads from now
 * on, so a view needs no earlier event to know it; learning tagged before keeps its tags.
 *
 * @param programmeId the programme
 * @param framework   the whole framework after the change
 * @param reason      why it changed
 * @param changedBy   the administrator's member identifier
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record LearningFrameworkChanged(String programmeId, LearningFramework framework, String reason,
                                       String changedBy, Instant recordedAt) {
}
