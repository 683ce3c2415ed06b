package org.learninglog.security.account;

import java.time.Instant;

/**
 * An invitation, or a password reset link, as kept: never the link's secret, only its digest.
 *
 * @param invitationId its identifier (on the events)
 * @param memberId     who may use it
 * @param programmeId  their programme; {@code null} for the installation
 * @param purpose      what following it does
 * @param expiresAt    when it stops being good
 */
public record Invitation(String invitationId, String memberId, String programmeId, Purpose purpose, Instant expiresAt) {

    public enum Purpose {
        /** Becoming a member: accepting sets the first password. */
        INVITATION,
        /** An administrator's reset: following it sets a new password. */
        PASSWORD_RESET
    }
}
