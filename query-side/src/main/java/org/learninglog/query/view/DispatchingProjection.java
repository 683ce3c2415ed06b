package org.learninglog.query.view;

/**
 * A projection that is its table of handlers: each event goes to the handler of its type
 * ({@link EventHandlers}); an event the table does not name is ignored.
 */
public abstract class DispatchingProjection implements Projection {

    private final String name;
    private final EventHandlers<ViewUpdate> handlers;

    protected DispatchingProjection(String name, EventHandlers<ViewUpdate> handlers) {
        this.name = name;
        this.handlers = handlers;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public void apply(ViewEvent event, ViewUpdate view) {
        handlers.handle(event, view);
    }
}
