package org.learninglog.command;

/** A command an aggregate refuses because it breaks a rule of the domain (422). */
public class CommandRejected extends DomainRuleViolation {

    public CommandRejected(String field, String message) {
        super(field, message);
    }
}
