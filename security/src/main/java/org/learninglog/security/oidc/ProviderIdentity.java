package org.learninglog.security.oidc;

/**
 * Somebody signed in at the OpenID Connect provider (by the web UI's sign-in or a bearer token):
 * who the provider says they are, which is what accepting an invitation binds to a member.
 */
public interface ProviderIdentity {

    /** The provider's issuer ({@code iss}). */
    String issuer();

    /** The provider's identifier of the person ({@code sub}). */
    String subject();
}
