package org.learninglog.query.web;

/** A read refused because of one of its parameters, which the problem answer names. */
public abstract class FieldRefusal extends RuntimeException {

    private final String field;

    protected FieldRefusal(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request parameter at fault. */
    public String field() {
        return field;
    }
}
