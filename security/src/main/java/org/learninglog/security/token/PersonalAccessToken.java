package org.learninglog.security.token;

import java.time.Instant;

/**
 * A personal access token as it is kept: never the token itself, only its SHA-256 digest, which
 * is also how it is found (and how its owner names it to revoke it).
 *
 * @param id       the hex SHA-256 digest of the token
 * @param name     what the member called it ("nightly export")
 * @param member   the member name it acts for; who that member is, is asked of the accounts at each use
 * @param lastUsed when it was last used (to within a minute), {@code null} if never
 */
public record PersonalAccessToken(String id, String name, String member, TokenScope scope, Instant created,
                                  Instant lastUsed, boolean revoked) {
}
