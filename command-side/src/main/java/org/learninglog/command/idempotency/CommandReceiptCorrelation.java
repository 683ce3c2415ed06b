package org.learninglog.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.learninglog.store.engine.CommandReceipt;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands a command's id and sender on to the events it applies, where the store reads them. Only
 * from commands: a command sent while handling an event is another command, and must not inherit
 * the id (two commits under one id would be refused).
 */
final class CommandReceiptCorrelation implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        for (String key : new String[]{CommandReceipt.COMMAND_ID, CommandReceipt.SENT_BY}) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }
}
