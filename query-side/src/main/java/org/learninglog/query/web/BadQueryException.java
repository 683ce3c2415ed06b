package org.learninglog.query.web;

/** A query parameter that parsed but makes no sense (a period that ends before it starts). Answered with 400. */
public class BadQueryException extends RuntimeException {

    private final String field;

    public BadQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
