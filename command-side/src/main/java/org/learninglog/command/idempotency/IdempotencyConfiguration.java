package org.learninglog.command.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires command ids into Axon: set on dispatch, carried to the events. */
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
    SmartInitializingSingleton commandIdsOnDispatch(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new CommandIds());
    }
}
