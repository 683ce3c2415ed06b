package org.learninglog.security.membership;

/** Where a member stands: only an active member's roles count. */
public enum MemberStatus {
    /** Invited, and has not accepted yet. */
    INVITED,
    ACTIVE,
    SUSPENDED,
    REMOVED
}
