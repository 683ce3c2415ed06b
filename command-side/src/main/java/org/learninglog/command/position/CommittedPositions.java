package org.learninglog.command.position;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.learninglog.store.engine.CommandReceipt;
import org.learninglog.store.engine.AppendedPositions;

import java.time.Duration;
import java.util.Optional;

/**
 * The global position of the last event each recent command stored, by command id, for the
 * answer to its request ({@link EventPositionFilter}). The command may run in another thread than
 * the request (a retry after a lost race runs in the retry scheduler's), so the position goes by
 * the command's id, not by thread; it is kept a minute, far longer than any request waits.
 */
final class CommittedPositions implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Cache<String, Long> positions = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.getMessage().getMetaData().get(CommandReceipt.COMMAND_ID) instanceof String commandId) {
            unitOfWork.afterCommit(committed -> {
                Object last = committed.root().getResource(AppendedPositions.LAST_APPENDED_POSITION);
                if (last instanceof Long position) {
                    positions.put(commandId, position);
                }
            });
        }
        return interceptorChain.proceed();
    }

    Optional<Long> of(String commandId) {
        return Optional.ofNullable(positions.getIfPresent(commandId));
    }
}
