package org.learninglog.store.engine;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * A commit refused because the command behind it is stored already (see {@link CommandReceipt}):
 * an earlier run of the same command, whose sender did not learn its outcome, got there first.
 */
public class CommandAlreadyStored extends EventStoreException {

    private final transient CommandReceipt.Stored stored;

    public CommandAlreadyStored(CommandReceipt.Stored stored, Throwable cause) {
        super("Command " + stored.commandId() + " is stored already, at position " + stored.position(), cause);
        this.stored = stored;
    }

    public CommandReceipt.Stored stored() {
        return stored;
    }
}
