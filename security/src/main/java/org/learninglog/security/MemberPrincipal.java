package org.learninglog.security;

/** Whatever Spring Security holds as the principal, seen as one of our members. */
public interface MemberPrincipal {

    Member member();
}
