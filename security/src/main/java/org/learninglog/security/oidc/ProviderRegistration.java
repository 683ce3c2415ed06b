package org.learninglog.security.oidc;

import org.learninglog.security.config.SecurityProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The web UI's client at the OpenID Connect provider, read from the provider's discovery document
 * when someone first signs in rather than at startup, so that Learning Log starts (and serves
 * bearer tokens it can check) while the provider is briefly unreachable.
 */
public final class ProviderRegistration implements ClientRegistrationRepository {

    public static final String ID = "learning-log";

    private final SecurityProperties.Oidc oidc;
    private volatile ClientRegistration registration;

    public ProviderRegistration(SecurityProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                    .registrationId(ID)
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .scope("openid")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    // PKCE although the client is confidential (RFC 9700): a stolen code is worth nothing,
                    // and a provider may insist on it (the Keycloak realm in docker/ does).
                    .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                    .build();
            registration = known;
        }
        return known;
    }
}
