package org.learninglog.query.view;

import java.util.ArrayList;
import java.util.Collection;

/**
 * A log page's entries while a live batch holds the page ({@link PagedLog}): a list that is only
 * ever appended to, each entry once, and whose entries are not changed once on it. It remembers how
 * many of its entries {@link StoredShape} has walked, so that the walk of the page after each event
 * takes the entries appended since, not the whole page again.
 *
 * <p>Why: a live batch puts each changed document in its stored shape after every event, and a page
 * holds up to a hundred entries; the programme timeline appends an event's line to a dozen pages, and
 * walking those pages whole was most of the walk, which was close to half of a live batch's applying.
 * Written, the list is an array like any other; read back, it is a plain list until an entry is
 * appended to it again.
 */
final class AppendOnlyEntries<T> extends ArrayList<T> {

    /** How many entries, from the first, the walks of this batch have put in their stored shape. */
    private int walked;

    AppendOnlyEntries() {
    }

    /** The entries of a page as read, none of them walked yet. */
    AppendOnlyEntries(Collection<? extends T> entries) {
        super(entries);
    }

    int walked() {
        return walked;
    }

    void walked(int entries) {
        this.walked = entries;
    }
}
