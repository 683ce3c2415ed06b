package org.learninglog.security.oidc;

import org.learninglog.security.Member;
import org.learninglog.security.membership.MemberEntry;
import org.learninglog.security.membership.MembershipView;

import java.util.Map;

/**
 * Who a person signed in at the provider is here: the member their subject was bound to when they
 * accepted an invitation (roles and places from the membership view, whatever the token claims);
 * until then the member named by the subject itself, if the view knows one, else the token's claims
 * (which may seed a first membership, see {@link MemberClaims}). Read at every use, so a role
 * granted or revoked counts from the next request.
 */
public final class ProviderMembers implements java.io.Serializable {

    // A stored session holds this; the view is put back by the process that reads it (session.SessionObjects)
    private final MembershipView view;

    public ProviderMembers(MembershipView view) {
        this.view = view;
    }

    public Member member(String issuer, String subject, Map<String, Object> claims) {
        return view.memberOfSubject(issuer, subject).flatMap(view::member).map(MemberEntry::toMember)
                .orElseGet(() -> view.current(MemberClaims.member(subject, claims)));
    }
}
