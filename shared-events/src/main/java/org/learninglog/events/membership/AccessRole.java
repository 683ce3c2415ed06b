package org.learninglog.events.membership;

/** What a member may do. Stored by name: never rename a constant. */
public enum AccessRole {
    /** Runs the installation: registers programmes and appoints their administrators. Held for no programme. */
    OPERATOR,
    /** Administers one programme: its framework, places, funders and members. */
    PROGRAMME_ADMINISTRATOR,
    /** Records for one place of the programme (the grant names the place). */
    PLACE_MEMBER,
    /** Reads the whole programme, audits decisions and records sensemaking. */
    LEARNING_PARTNER,
    /** Reads the programme's timelines and shares learning as a funder. */
    FUNDER
}
