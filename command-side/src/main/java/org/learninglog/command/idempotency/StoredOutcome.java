package org.learninglog.command.idempotency;

import org.learninglog.store.engine.CommandReceipt;

/**
 * What the store holds of a write, for a client that asks about it by its command id or its
 * {@code Idempotency-Key} (resent, the request itself answers as it first did).
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
