package org.learninglog.command;

/**
 * A command that adds one item to a record and answers {@link Appended}. The item's number is the
 * count, among the record's events up to and including the item's, of those this command's item
 * is numbered among; so a write whose answer was lost is answered again from the stored events,
 * with the number it was first given.
 */
public interface AppendsItem {

    /** Whether a payload of the record's events is one of the items this command's item is numbered among. */
    boolean counts(Object event);
}
