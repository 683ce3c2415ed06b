package org.learninglog.command.insight;

import org.learninglog.command.DomainRuleViolation;

/** An insight the Insight aggregate refuses to record. */
public class InsightRejected extends DomainRuleViolation {

    public InsightRejected(String field, String message) {
        super(field, message);
    }
}
