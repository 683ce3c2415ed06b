package org.learninglog.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.learninglog.command.Identifiers;
import org.learninglog.security.CurrentMember;
import org.learninglog.security.edge.RequestIds;
import org.learninglog.store.engine.CommandReceipt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Names every command sent while answering an HTTP request: its id is the request's id, or, for a
 * request retried under an {@code Idempotency-Key}, the id of the key's first attempt, so that every
 * attempt of one request is one command and the store keeps at most one of them
 * ({@link CommandReceipt}). The member who sent it goes along, so that only they can ask about it.
 * Commands sent outside a request (the demo loader at start) carry neither, and so do the commands
 * after the first of a request that sends several (loading the demo through the API): one id names
 * one command, as the store keeps at most one commit under it.
 */
public final class CommandIds implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final String ATTRIBUTE = CommandIds.class.getName();
    private static final String NAMED = ATTRIBUTE + ".named";
    private static final String REPLAY = ATTRIBUTE + ".replay";
    /** The metadata entry of a command sent again only to learn its answer (see {@link Replays}). */
    static final String REPLAY_OF_STORED = "replayOfStored";

    /**
     * Makes {@code commandId} the id of the commands this request sends, and what the identifiers
     * it makes are derived from, so every attempt of it names what it creates alike.
     */
    static void use(HttpServletRequest request, String commandId) {
        request.setAttribute(ATTRIBUTE, commandId);
        Identifiers.nameAfter(request, commandId);
    }

    /**
     * This request's command is stored already: it runs again only to answer as its first attempt
     * did, its command answered from the store instead of handled ({@link Replays}).
     */
    static void replay(HttpServletRequest request) {
        request.setAttribute(REPLAY, Boolean.TRUE);
    }

    /** The id the commands of this request carry. */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : RequestIds.of(request);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return command;
            }
            HttpServletRequest request = attributes.getRequest();
            String commandId = of(request);
            if (commandId == null || request.getAttribute(NAMED) != null) {
                return command;
            }
            request.setAttribute(NAMED, Boolean.TRUE);
            Map<String, Object> names = new HashMap<>();
            names.put(CommandReceipt.COMMAND_ID, commandId);
            CurrentMember.find().ifPresent(member -> names.put(CommandReceipt.SENT_BY, member.id()));
            if (request.getAttribute(REPLAY) != null) {
                names.put(REPLAY_OF_STORED, Boolean.TRUE);
            }
            return command.andMetaData(names);
        };
    }
}
