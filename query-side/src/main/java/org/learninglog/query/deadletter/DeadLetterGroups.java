package org.learninglog.query.deadletter;

import java.util.List;

/** The processing groups of the query side that have a dead-letter queue. */
public record DeadLetterGroups(List<String> names) {
}
