package org.learninglog.query.web;

/** A query parameter that parsed but makes no sense (a period that ends before it starts). Answered with 400. */
public class BadQueryException extends FieldRefusal {

    public BadQueryException(String field, String message) {
        super(field, message);
    }
}
