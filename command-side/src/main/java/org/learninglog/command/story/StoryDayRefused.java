package org.learninglog.command.story;

/**
 * A story's day the request got wrong: in the future, or before the programme's story begins (or,
 * for a programme's backfill day, after the programme began).
 * Answered with 400 naming {@code happenedOn}, like a day that cannot be read at all: the day is
 * the client's to fix, whatever the rest of the record says. Nothing is recorded.
 */
public class StoryDayRefused extends RuntimeException {

    private final String field;

    public StoryDayRefused(String message) {
        this(StoryDay.FIELD, message);
    }

    public StoryDayRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
