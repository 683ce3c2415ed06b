package org.learninglog.query;

/** A read asked for something no view holds. Answered with 404. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request parameter that named what was not found. */
    public String field() {
        return field;
    }
}
