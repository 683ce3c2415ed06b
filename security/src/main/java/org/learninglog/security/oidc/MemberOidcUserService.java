package org.learninglog.security.oidc;

import org.learninglog.security.Member;
import org.learninglog.security.MemberPrincipal;
import org.learninglog.security.membership.MembershipView;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;


/**
 * The web UI's sign-in through the provider: Spring checks the ID token (signature, issuer,
 * audience = our client, nonce, expiry); who the member is comes from {@link ProviderMembers}, as
 * for a bearer token.
 */
public final class MemberOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final ProviderMembers members;

    public MemberOidcUserService(MembershipView view) {
        this.members = new ProviderMembers(view);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return new MemberOidcUser(provider.loadUser(request), members);
    }

    /** The provider's user that also is one of our members. */
    static final class MemberOidcUser extends DefaultOidcUser implements MemberPrincipal, ProviderIdentity {

        // Kept in the session; the reading process puts its own in its place (session.SessionObjects)
        private final ProviderMembers members;

        MemberOidcUser(OidcUser user, ProviderMembers members) {
            super(members.member(issuerOf(user), user.getSubject(), user.getClaims()).roles().stream()
                            .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(),
                    user.getIdToken(), user.getUserInfo());
            this.members = members;
        }

        /** Read from the membership view at each use, so a changed role (or a binding just made) counts from the next request. */
        @Override
        public Member member() {
            return members.member(issuer(), getSubject(), getClaims());
        }

        @Override
        public String issuer() {
            return issuerOf(this);
        }

        @Override
        public String subject() {
            return getSubject();
        }

        private static String issuerOf(OidcUser user) {
            return user.getIssuer() == null ? null : user.getIssuer().toString();
        }

    }
}
