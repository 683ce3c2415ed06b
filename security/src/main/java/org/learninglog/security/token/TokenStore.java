package org.learninglog.security.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where personal access tokens are kept, by digest. */
public interface TokenStore {

    void add(PersonalAccessToken token);

    Optional<PersonalAccessToken> find(String id);

    List<PersonalAccessToken> ofMember(String member);

    /** Revokes the member's token; {@code false} if they have none under this id. */
    boolean revoke(String id, String member);

    void used(String id, Instant when);
}
