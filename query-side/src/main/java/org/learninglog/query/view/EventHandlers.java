package org.learninglog.query.view;

import java.util.HashMap;
import java.util.Map;

/**
 * A projection's handlers, one per event type, looked up by the payload's class. Events are
 * records (final classes), so the exact class is the key; an event no handler names is ignored.
 *
 * @param <T> what the handlers write to: the view's documents, or what a helper collects
 */
public final class EventHandlers<T> {

    /** Applies one event of type {@code E}. */
    @FunctionalInterface
    public interface Handler<E, T> {
        void handle(E payload, ViewEvent event, T target);
    }

    private final Map<Class<?>, Handler<Object, T>> handlers = new HashMap<>();

    @SuppressWarnings("unchecked")
    public <E> EventHandlers<T> on(Class<E> type, Handler<E, T> handler) {
        if (handlers.putIfAbsent(type, (Handler<Object, T>) handler) != null) {
            throw new IllegalArgumentException("Two handlers for " + type.getName());
        }
        return this;
    }

    /** Hands {@code event} to the handler of its payload's type, if there is one. */
    public void handle(ViewEvent event, T target) {
        Handler<Object, T> handler = handlers.get(event.payload().getClass());
        if (handler != null) {
            handler.handle(event.payload(), event, target);
        }
    }
}
