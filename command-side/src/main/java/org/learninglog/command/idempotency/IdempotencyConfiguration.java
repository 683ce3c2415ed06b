package org.learninglog.command.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.learninglog.store.engine.StoredCommands;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires command ids into Axon: set on dispatch, carried to the events, and answered from the store on a replay. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    CorrelationDataProvider commandReceiptCorrelation() {
        return new CommandReceiptCorrelation();
    }

    /** Axon's default, which it leaves out as soon as any other provider is declared. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    SmartInitializingSingleton commandIdsOnDispatch(CommandBus commandBus, StoredCommands storedCommands,
                                                    EventStore events) {
        return () -> {
            commandBus.registerDispatchInterceptor(new CommandIds());
            commandBus.registerHandlerInterceptor(new Replays(storedCommands, events));
        };
    }
}
