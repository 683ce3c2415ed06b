package org.learninglog.security;

/**
 * A signed-in account that still carries its password hash, which the sign-in needed and nothing
 * after it does: a session keeps the account without it.
 */
public interface HoldsPasswordHash {

    /** The same account with no password hash. */
    Object withoutPasswordHash();
}
