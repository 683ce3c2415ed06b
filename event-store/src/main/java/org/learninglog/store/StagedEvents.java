package org.learninglog.store;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * The events applied in the current unit of work (and the units of work it is nested in) that are
 * staged for storing, not stored yet: a batch of commands sent in one outer unit of work stores
 * its events only when that unit of work commits, and whoever sends the batch may need what each
 * command applied before then.
 */
public interface StagedEvents {

    /** The staged events, in the order they were applied; empty outside a unit of work. */
    List<EventMessage<?>> staged();
}
