package org.learninglog.store.engine;

import java.util.Optional;

/** Whether a command is stored, for those who sent it and did not learn (see {@link CommandReceipt}). */
public interface StoredCommands {

    /** What the store holds of the command with this id, if any of its events are stored. */
    Optional<CommandReceipt.Stored> storedCommand(String commandId);
}
