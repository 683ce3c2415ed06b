package org.learninglog.events.membership;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The member accepted their invitation signed in at the OpenID Connect provider: from now on that
 * provider's subject signs in as this member (and their roles come from the membership, never from
 * the provider's token). Recorded right after the {@link InvitationAccepted} it completes.
 *
 * @param programmeId the programme; {@code null} for the installation
 * @param memberId    the member
 * @param issuer      the provider's issuer ({@code iss}), so that the same subject at another provider is another person
 * @param subject     the provider's identifier of the person ({@code sub}): opaque, neither a name nor an address
 * @param recordedAt  when it was recorded
 */
@Revision("1")
public record ProviderSubjectBound(String programmeId, String memberId, String issuer, String subject, Instant recordedAt) {
}
