package org.learninglog.security.config;

import org.learninglog.security.Role;
import org.learninglog.security.signin.FailedSignIns;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code learninglog.security.*}: how people sign in and what the edge lets through.
 *
 * @param oidc      sign-in through an OpenID Connect provider; when its issuer is set, local accounts are off
 * @param accounts  local accounts for the embedded default (bcrypt hashes, never plain passwords)
 * @param maxBody   the largest request body accepted
 * @param maxUpload the largest file upload accepted (a {@code multipart/form-data} request to an
 *                  import's address; default 21 MB, a little over the import's own 20 MB limit, so
 *                  that the import can say which file is too large)
 * @param rateLimit requests each member may make per period
 * @param failedSignIns how many wrong passwords are checked before further attempts wait
 * @param passwordsRemembered how long a password bcrypt accepted is accepted again without it (default 5 min)
 * @param demoAccounts the demo programme's accounts (a password printed in the README): served only
 *                  while the demo is on and the server cannot be reached from elsewhere, see {@link DemoAccountsGate}
 * @param demoAccountsForced serve the demo accounts even on a non-loopback address or a URI store (a warning says so)
 * @param importAccounts make each of {@code accounts} a member in the membership view at start (its
 *                  password hash becomes its local account), so roles are then granted and revoked in the product
 * @param invitationsExpireAfter how long an invitation or password reset link stays good (default 7 days)
 */
@ConfigurationProperties("learninglog.security")
public record SecurityProperties(Oidc oidc, List<Account> accounts, DataSize maxBody, RateLimit rateLimit,
                                 FailedSignInLimits failedSignIns, Duration passwordsRemembered,
                                 List<Account> demoAccounts, boolean demoAccountsForced, boolean importAccounts,
                                 Duration invitationsExpireAfter, DataSize maxUpload) {

    public SecurityProperties {
        demoAccounts = demoAccounts == null ? List.of() : List.copyOf(demoAccounts);
        invitationsExpireAfter = invitationsExpireAfter == null ? Duration.ofDays(7) : invitationsExpireAfter;
        failedSignIns = failedSignIns == null ? new FailedSignInLimits(null, null, null) : failedSignIns;
        passwordsRemembered = passwordsRemembered == null ? Duration.ofMinutes(5) : passwordsRemembered;
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null) : oidc;
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        maxBody = maxBody == null ? DataSize.ofKilobytes(64) : maxBody;
        maxUpload = maxUpload == null ? DataSize.ofMegabytes(21) : maxUpload;
        rateLimit = rateLimit == null ? new RateLimit(0, null) : rateLimit;
    }

    public boolean oidcEnabled() {
        return oidc.issuerUri() != null && !oidc.issuerUri().isBlank();
    }

    /** Whether the web UI signs in at the provider (an issuer and a client are configured). */
    public boolean webSignInByOidc() {
        return oidcEnabled() && oidc.clientId() != null && !oidc.clientId().isBlank();
    }

    /**
     * @param issuerUri  the provider's issuer; tokens from any other are refused
     * @param jwkSetUri  where its signing keys are, if not found through the issuer's discovery document
     * @param audience   the audience tokens must name (this API)
     * @param clockSkew  how far past its expiry a token is still accepted (default 30 s)
     * @param clientId   the web UI's client at the provider; with it, the web UI signs in there
     *                   (authorization code flow) instead of with the local accounts' form
     * @param clientSecret that client's secret: give it by environment
     *                   ({@code LEARNINGLOG_SECURITY_OIDC_CLIENT_SECRET}), never in a file of the repository
     */
    public record Oidc(String issuerUri, String jwkSetUri, String audience, Duration clockSkew, String clientId,
                       String clientSecret) {
        public Oidc {
            clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        }
    }

    /**
     * @param username     the sign-in name, also the member identifier on events
     * @param passwordHash a bcrypt hash ({@code $2a$…} or {@code {bcrypt}$2a$…})
     * @param programme    the programme they work in (none for an operator)
     */
    public record Account(String username, String passwordHash, String programme, Set<Role> roles, Set<String> places)
            implements java.io.Serializable {
        public Account {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            places = places == null ? Set.of() : Set.copyOf(places);
        }
    }

    /**
     * @param requests how many requests a member may make per period; 0 turns the limit off
     * @param period   the period (default a minute)
     */
    public record RateLimit(int requests, Duration period) {
        public RateLimit {
            period = period == null ? Duration.ofMinutes(1) : period;
        }
    }

    /**
     * Failures per period before sign-in attempts wait (see {@link FailedSignIns} for why three).
     *
     * @param perAccountAndAddress one account from one address (default 5 a minute)
     * @param perAddress           any account from one address (default 20 a minute)
     * @param perAccount           one account from addresses it has not signed in from lately (default 100 a minute)
     */
    public record FailedSignInLimits(FailedSignIns.Limit perAccountAndAddress, FailedSignIns.Limit perAddress,
                                     FailedSignIns.Limit perAccount) {
        public FailedSignInLimits {
            perAccountAndAddress = perAccountAndAddress == null ? new FailedSignIns.Limit(5, Duration.ofMinutes(1)) : perAccountAndAddress;
            perAddress = perAddress == null ? new FailedSignIns.Limit(20, Duration.ofMinutes(1)) : perAddress;
            perAccount = perAccount == null ? new FailedSignIns.Limit(100, Duration.ofMinutes(1)) : perAccount;
        }
    }
}
