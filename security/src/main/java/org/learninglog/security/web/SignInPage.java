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

    private final boolean atProvider;

    public SignInPage(boolean atProvider) {
        this.atProvider = atProvider;
    }

    @GetMapping("/sign-in")
    String signIn(HttpServletRequest request) {
        if (atProvider && request.getParameter("error") == null && request.getParameter("signed-out") == null) {
            return "redirect:" + PROVIDER_SIGN_IN;
        }
        return "forward:/sign-in.html";
    }
}
