package org.learninglog.command;

/**
 * A command that is well-formed but breaks a rule of the domain. Answered with 422; nothing is
 * recorded.
 */
public abstract class DomainRuleViolation extends RuntimeException {

    private final String field;

    protected DomainRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field of the command at fault, or {@code null} if the rule is not about one field. */
    public String field() {
        return field;
    }
}
