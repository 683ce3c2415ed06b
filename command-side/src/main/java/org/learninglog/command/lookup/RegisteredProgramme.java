package org.learninglog.command.lookup;

import org.learninglog.events.framework.LearningFramework;

/** A registered programme and its learning framework as it reads now. */
public record RegisteredProgramme(String programmeId, LearningFramework framework) {
}
