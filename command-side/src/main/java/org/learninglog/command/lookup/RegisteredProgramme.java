package org.learninglog.command.lookup;

import org.learninglog.events.framework.LearningFramework;

import java.time.LocalDate;

/**
 * A registered programme, its learning framework as it reads now, and where its story begins.
 *
 * @param storyBegins the earliest day a happening may be dated: the backfill day if the programme
 *                    allows one, else the day it was registered (UTC); {@code null} for a lookup
 *                    written before programmes kept it, which sets no bound
 */
public record RegisteredProgramme(String programmeId, LearningFramework framework, LocalDate storyBegins) {
}
