package org.learninglog.security;

/**
 * What a member may do within their programme. A programme is a tenant: every role but the
 * operator's holds for one programme only.
 */
public enum Role {
    /** Runs the installation: registers programmes, loads the demo, rebuilds views, handles dead letters. */
    OPERATOR,
    /** Registers the programme's places, funders, people and framework; reads and writes the whole programme. */
    ADMIN,
    /** Records for their own places only; reads the programme. */
    PLACE_MEMBER,
    /** Reads the whole programme, audits decisions and records sensemaking. */
    LEARNING_PARTNER,
    /** Reads the programme's timelines; shares learning as a funder. */
    FUNDER
}
