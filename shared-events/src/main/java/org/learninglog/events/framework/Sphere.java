package org.learninglog.events.framework;

/**
 * The sphere of influence a change sits in. A fixed vocabulary, the same in every programme.
 * Stored by name: never rename a constant.
 */
public enum Sphere {
    /** Change in the people themselves. */
    INDIVIDUAL,
    /** Change in how the partnership works. */
    PARTNERSHIP,
    /** Change in what they do in the wider community. */
    COMMUNITY
}
