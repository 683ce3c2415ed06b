package org.learninglog.command;

/**
 * A command named something (a place, an insight, a practice...) that is not registered in its
 * programme. Answered with 404 naming the field; nothing is recorded. Something of another
 * programme counts as unknown: nothing of one programme is visible to another.
 */
public class UnknownReference extends RuntimeException {

    private final String kind;
    private final String field;

    public UnknownReference(String kind, String field) {
        super("No " + kind + " is registered under this id");
        this.kind = kind;
        this.field = field;
    }

    /** What was looked for, as "place" or "insight". */
    public String kind() {
        return kind;
    }

    /** The field of the command that holds the unknown id. */
    public String field() {
        return field;
    }
}
