package org.learninglog.events.programme;

import org.axonframework.serialization.Revision;
import org.learninglog.events.framework.LearningFramework;

import java.time.Instant;

/**
 * A programme got its first learning framework: the principles, themes and sources its members
 * tag learning with (the default one unless the administrator gave another).
 *
 * @param programmeId the programme
 * @param framework   the framework as defined
 * @param definedBy   the administrator's member identifier
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record LearningFrameworkDefined(String programmeId, LearningFramework framework, String definedBy,
                                       Instant recordedAt) {
}
