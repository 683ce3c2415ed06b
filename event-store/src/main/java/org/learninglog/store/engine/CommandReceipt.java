package org.learninglog.store.engine;

import org.axonframework.messaging.Message;

/**
 * The mark a command leaves on the commit of its events, so that whoever sent it can always learn
 * whether it was stored. A command that carries {@link #COMMAND_ID} in its metadata (the events it
 * applies inherit it) gets the key {@code command:<id>} among its commit's {@code keys}, the field
 * of the one unique index: at most one commit can carry it, so running the same command again under
 * the same id stores nothing twice, and "was it stored?" is an exact-key lookup.
 */
public final class CommandReceipt {

    /** The metadata entry naming the command that applied an event. */
    public static final String COMMAND_ID = "commandId";
    /** The metadata entry naming the member who sent that command. */
    public static final String SENT_BY = "commandSentBy";
    private static final String KEY_PREFIX = "command:";

    private CommandReceipt() {
    }

    /** The commit key of a message's command, or {@code null} if it names none. */
    static String keyOf(Message<?> message) {
        return message.getMetaData().get(COMMAND_ID) instanceof String id && !id.isBlank() ? key(id) : null;
    }

    static String key(String commandId) {
        return KEY_PREFIX + commandId;
    }

    /** The command id a commit key names. */
    static String commandIdOf(String key) {
        return key.substring(KEY_PREFIX.length());
    }

    /**
     * What the store holds of a command.
     *
     * @param commandId the command's id
     * @param sentBy    the member who sent it, as its events' metadata says ({@code null} if none)
     * @param subject   the aggregate it changed
     * @param kind      that aggregate's type
     * @param version   the aggregate's version after it (its last event's sequence number)
     * @param position  the global position of its first event
     * @param events    how many events it applied
     */
    public record Stored(String commandId, String sentBy, String subject, String kind, long version, long position,
                         int events) {
    }
}
