package org.learninglog.events.framework;

/**
 * The layer of the work an insight is about. A fixed vocabulary, the same in every programme,
 * so that views can compare layers across programmes. Stored by name: never rename a constant.
 */
public enum Layer {
    /** The whole initiative, across all its places and funders. */
    WHOLE_INITIATIVE,
    /** One place's network: its partnership of residents, organisations and public bodies. */
    PLACE_NETWORK,
    /** The funders and the funding system: funding practice changes too. */
    FUNDERS_AND_FUNDING_SYSTEM,
    /** Individuals: what changes in the people doing the work. */
    INDIVIDUALS
}
