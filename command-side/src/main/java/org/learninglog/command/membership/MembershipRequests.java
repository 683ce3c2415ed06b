package org.learninglog.command.membership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.learninglog.command.Identifiers;
import org.learninglog.events.membership.Grant;
import org.learninglog.security.Role;

import java.time.Instant;
import java.util.List;

/** The bodies the membership endpoints take and give. */
final class MembershipRequests {

    private MembershipRequests() {
    }

    /** A role as the API names it (the names of {@code /api/me}), with its place for a place member. */
    record RoleRequest(@NotNull Role role, @Pattern(regexp = Identifiers.PATTERN) String placeId) {
        Grant grant() {
            return new Grant(MembershipViewUpdater.accessRole(role), placeId);
        }
    }

    /** Invite {@code memberId} (the user name they will sign in with), optionally naming their e-mail address. */
    record InviteRequest(@NotNull @Pattern(regexp = Identifiers.PATTERN) String memberId,
                         @Email @Size(max = 254) String email,
                         @NotEmpty @Size(max = 20) List<@Valid @NotNull RoleRequest> roles) {
        @Override
        public String toString() {
            return "InviteRequest[" + memberId + ", " + roles + "]";
        }
    }

    /** An operator invites another operator. */
    record OperatorInviteRequest(@NotNull @Pattern(regexp = Identifiers.PATTERN) String memberId,
                                 @Email @Size(max = 254) String email) {
        @Override
        public String toString() {
            return "OperatorInviteRequest[" + memberId + "]";
        }
    }

    /**
     * A JSON merge patch (RFC 7396) of a member: {@code roles} replaces the roles they hold,
     * {@code status} suspends ({@code SUSPENDED}) or reinstates ({@code ACTIVE}) them. A member
     * is removed with DELETE.
     */
    record MemberPatch(@Size(max = 20) List<@Valid @NotNull RoleRequest> roles, StatusChange status) {
    }

    enum StatusChange { ACTIVE, SUSPENDED }

    /**
     * A single-use link, shown this once: {@code link} is the page that takes it (the secret is in
     * the address's fragment, which browsers never send to a server).
     */
    record IssuedLink(String memberId, String invitationId, String link, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedLink[" + memberId + ", " + invitationId + "]";
        }
    }

    /** Following a link: its secret and the new password. */
    record Acceptance(@NotNull @Size(max = 100) String token, @NotNull String password) {
        @Override
        public String toString() {
            return "Acceptance[(withheld)]";
        }
    }

    /** The link's token, followed signed in at the identity provider (no password: the provider checks who it is). */
    record ProviderAcceptance(@NotNull @Size(max = 100) String token) {
        @Override
        public String toString() {
            return "ProviderAcceptance[(withheld)]";
        }
    }

    record Accepted(String memberId, String programmeId) {
    }
}
