package org.learninglog.command.demo;

import java.util.List;

/**
 * The words of the demo programme, from its content file: lists are chosen from at random,
 * single sentences are used as they are.
 */
record DemoPhrases(List<String> who, List<String> noticed, List<String> unintended, String quote,
                   String revisedNoticing, String revisionReason, String retractionReason, List<String> forums,
                   List<String> practiceNames, List<String> becomes, String adoptionRationale,
                   String adaptationReason, List<String> reviewNotes, String retirementReason, String sharedSummary,
                   String takeUpNote, List<String> responses, String sensemakingTitle, String sensemakingConclusion) {
}
