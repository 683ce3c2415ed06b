package org.learninglog.command.idempotency;

import org.learninglog.store.engine.CommandReceipt;

/**
 * A write found in the store after its first answer was lost (the process stopped, or the answer
 * failed to reach the client): what the store says of it, in place of that answer.
 *
 * @param state     {@code stored}
 * @param commandId the id of the request's command
 * @param subject   the id of the record it changed (the new one, for a create)
 * @param kind      that record's kind
 * @param version   the record's version after the write (its ETag)
 * @param position  the global position of the write's first event
 */
record StoredOutcome(String state, String commandId, String subject, String kind, long version, long position) {

    static StoredOutcome of(CommandReceipt.Stored stored) {
        return new StoredOutcome("stored", stored.commandId(), stored.subject(), stored.kind(), stored.version(),
                stored.position());
    }
}
