package org.learninglog.query.programme;

/**
 * Which clock orders a programme's lines or buckets its counts: {@code story}, by the day things
 * happened on (then in the order recorded); {@code recorded}, in the order the record grew. Named
 * in lower case because the API's parameters say them so.
 */
public enum ClockOrder {
    story, recorded
}
