package org.learninglog.store.engine;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The global position of the last event a unit of work appended, kept on its root unit of work, so
 * that a write can answer it and a read can wait for the views to hold it (read your writes).
 */
public final class AppendedPositions {

    /** The root unit of work's resource holding the position. */
    public static final String LAST_APPENDED_POSITION = AppendedPositions.class.getName() + ".lastAppendedPosition";

    private AppendedPositions() {
    }

    static void noteAppended(long last) {
        if (last > 0) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().resources()
                    .merge(LAST_APPENDED_POSITION, last, (was, now) -> Math.max((Long) was, (Long) now)));
        }
    }
}
