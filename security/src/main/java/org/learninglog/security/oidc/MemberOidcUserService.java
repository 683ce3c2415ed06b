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
 * audience = our client, nonce, expiry); its claims say who the member is, as a bearer token's do.
 */
public final class MemberOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final MembershipView view;

    public MemberOidcUserService(MembershipView view) {
        this.view = view;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        return new MemberOidcUser(user, MemberClaims.member(user.getSubject(), user.getClaims()), view);
    }

    /** The provider's user that also is one of our members. */
    static final class MemberOidcUser extends DefaultOidcUser implements MemberPrincipal {

        // Kept in the session; the view is put back by the process that reads it (session.SessionObjects)
        private final Member member;
        private final MembershipView view;

        MemberOidcUser(OidcUser user, Member member, MembershipView view) {
            super(view.current(member).roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(),
                    user.getIdToken(), user.getUserInfo());
            this.member = member;
            this.view = view;
        }

        /** Read from the membership view at each use, so a changed role counts from the next request. */
        @Override
        public Member member() {
            return view.current(member);
        }
    }
}
