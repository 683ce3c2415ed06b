package org.learninglog.command.place;

import org.learninglog.command.DomainRuleViolation;

/** A registration the Place aggregate refuses. */
public class PlaceRejected extends DomainRuleViolation {

    public PlaceRejected(String field, String message) {
        super(field, message);
    }
}
