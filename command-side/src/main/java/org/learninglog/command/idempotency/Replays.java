package org.learninglog.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.learninglog.command.Appended;
import org.learninglog.command.AppendsItem;
import org.learninglog.store.engine.CommandReceipt;
import org.learninglog.store.engine.StoredCommands;

import java.util.Optional;

/**
 * Answers a command that is stored already from the store, instead of handling it again, when its
 * request runs again only to repeat the answer its first attempt gave and lost (marked by
 * {@link CommandIds#replay}). The controller then builds that answer as it did the first time: the
 * identifiers it makes are the first attempt's ({@code Identifiers.nameAfter}), and the command's
 * result is what the handler returned then: the record's version after the command, or, for an
 * item added to a record, that version and the item's number, counted in the stored events.
 */
final class Replays implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final StoredCommands storedCommands;
    private final EventStore events;

    Replays(StoredCommands storedCommands, EventStore events) {
        this.storedCommands = storedCommands;
        this.events = events;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (!Boolean.TRUE.equals(command.getMetaData().get(CommandIds.REPLAY_OF_STORED))
                || !(command.getMetaData().get(CommandReceipt.COMMAND_ID) instanceof String commandId)) {
            return chain.proceed();
        }
        Optional<CommandReceipt.Stored> stored = storedCommands.storedCommand(commandId);
        if (stored.isEmpty()) {
            return chain.proceed();
        }
        return resultOf(command.getPayload(), stored.get());
    }

    private Object resultOf(Object command, CommandReceipt.Stored stored) {
        if (command instanceof AppendsItem item) {
            long counted = events.readEvents(stored.subject()).asStream()
                    .filter(event -> event.getSequenceNumber() <= stored.version())
                    .filter(event -> item.counts(event.getPayload())).count();
            return new Appended(stored.version(), Math.toIntExact(counted));
        }
        // A create's handler answers the new record's id, which controllers do not read: they named it.
        return stored.version();
    }
}
