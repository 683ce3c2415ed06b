package org.learninglog.security.web;

import jakarta.servlet.http.HttpServletRequest;
import org.learninglog.security.oidc.ProviderRegistration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /sign-in}: the web UI's form for the local accounts, or, where people sign in at the
 * OpenID Connect provider, straight on to it (back here with {@code ?error} if that failed).
 */
@Controller
public class SignInPage {

    /** Spring Security's path that starts the authorization code flow for our registration. */
    public static final String PROVIDER_SIGN_IN = "/oauth2/authorization/" + ProviderRegistration.ID;

    /**
     * Where the invitation page sends someone to sign in at the provider before accepting: it needs a
     * signed-in member, so Spring keeps the request, signs them in at the provider and comes back
     * here, which leads back to the page (its link's secret waits in the tab's session storage).
     */
    public static final String ACCEPT_SIGNED_IN = "/accept-invitation/signed-in";

    private final boolean atProvider;

    public SignInPage(boolean atProvider) {
        this.atProvider = atProvider;
    }

    /** Whether people sign in at the identity provider (the pages' templates ask, as {@code @signInPage.atProvider()}). */
    public boolean atProvider() {
        return atProvider;
    }

    @GetMapping(ACCEPT_SIGNED_IN)
    String backToInvitation() {
        return "redirect:/accept-invitation.html";
    }

    @GetMapping("/sign-in")
    String signIn(HttpServletRequest request) {
        if (atProvider && request.getParameter("error") == null && request.getParameter("signed-out") == null) {
            return "redirect:" + PROVIDER_SIGN_IN;
        }
        return "forward:/sign-in.html";
    }
}
