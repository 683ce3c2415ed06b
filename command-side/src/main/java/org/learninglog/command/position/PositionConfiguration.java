package org.learninglog.command.position;

import org.axonframework.commandhandling.CommandBus;
import org.learninglog.store.engine.StoredCommands;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires read-your-writes on the command side: positions noted as commands commit, answered as a header. */
@Configuration(proxyBeanMethods = false)
class PositionConfiguration {

    @Bean
    CommittedPositions committedPositions() {
        return new CommittedPositions();
    }

    @Bean
    SmartInitializingSingleton committedPositionsOnHandling(CommandBus commandBus, CommittedPositions positions) {
        return () -> commandBus.registerHandlerInterceptor(positions);
    }

    @Bean
    EventPositionFilter eventPositionFilter(CommittedPositions positions, StoredCommands stored) {
        return new EventPositionFilter(positions, stored);
    }
}
