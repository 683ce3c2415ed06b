package org.learninglog.command;

/**
 * What adding one item to a record answers (an outcome review to an adaptation, an adoption of or
 * a response to a shared learning): the record's new version, and the item's number among its
 * kind on that record, counted from 1 in the order recorded. The number names the item in its
 * {@code Location}, as the query side reads it.
 */
public record Appended(long version, int number) {
}
