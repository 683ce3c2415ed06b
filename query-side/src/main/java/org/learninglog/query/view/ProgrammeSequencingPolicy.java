package org.learninglog.query.view;

import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.EventMessage;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events of one programme form one sequence. Every document of a view belongs to one programme
 * (nothing of one programme is visible in another's), so when an event fails and is
 * dead-lettered, the later events of its programme wait behind it and are applied after it, in
 * order; other programmes go on. Events that name no programme share one sequence of their own.
 *
 * <p>Order matters because a document skips events whose position is not above its own (that is
 * what makes redelivery harmless): an older event retried after a newer one was applied would be
 * skipped.
 */
public final class ProgrammeSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String NO_PROGRAMME = "~no-programme";
    private static final Map<Class<?>, Method> ACCESSORS = new ConcurrentHashMap<>();
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Method accessor = ACCESSORS.computeIfAbsent(payload.getClass(), ProgrammeSequencingPolicy::programmeAccessor);
        if (accessor == NONE) {
            return NO_PROGRAMME;
        }
        try {
            Object programme = accessor.invoke(payload);
            return programme == null ? NO_PROGRAMME : programme.toString();
        } catch (ReflectiveOperationException e) {
            return NO_PROGRAMME;
        }
    }

    private static Method programmeAccessor(Class<?> type) {
        try {
            Method accessor = type.getMethod("programmeId");
            return accessor.getParameterCount() == 0 ? accessor : NONE;
        } catch (NoSuchMethodException e) {
            return NONE;
        }
    }
}
