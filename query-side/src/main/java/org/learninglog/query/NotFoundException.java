package org.learninglog.query;

import org.learninglog.query.web.FieldRefusal;

/** A read asked for something no view holds; {@link #field()} is the parameter that named it. Answered with 404. */
public class NotFoundException extends FieldRefusal {

    public NotFoundException(String field, String message) {
        super(field, message);
    }
}
