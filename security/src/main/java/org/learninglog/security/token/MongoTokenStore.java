package org.learninglog.security.token;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Tokens in the store's database ({@code personal_access_tokens}), one document per token keyed by
 * its digest, so the check on every request is an exact {@code _id} lookup (the embedded server
 * uses no other index for it). Listing a member's tokens scans the collection: it is small and
 * listing is rare.
 */
public final class MongoTokenStore implements TokenStore {

    private static final String ID = "_id";
    private static final String NAME = "name";
    private static final String MEMBER = "member";
    private static final String SCOPE = "scope";
    private static final String CREATED = "created";
    private static final String LAST_USED = "lastUsed";
    private static final String REVOKED = "revoked";

    private final MongoCollection<Document> tokens;

    public MongoTokenStore(MongoDatabase database) {
        this.tokens = database.getCollection("personal_access_tokens");
    }

    @Override
    public void add(PersonalAccessToken token) {
        tokens.insertOne(new Document(ID, token.id()).append(NAME, token.name()).append(MEMBER, token.member())
                .append(SCOPE, token.scope().label()).append(CREATED, Date.from(token.created()))
                .append(LAST_USED, token.lastUsed() == null ? null : Date.from(token.lastUsed()))
                .append(REVOKED, token.revoked()));
    }

    @Override
    public Optional<PersonalAccessToken> find(String id) {
        return Optional.ofNullable(tokens.find(eq(ID, id)).first()).map(MongoTokenStore::token);
    }

    @Override
    public List<PersonalAccessToken> ofMember(String member) {
        List<PersonalAccessToken> found = new ArrayList<>();
        tokens.find(eq(MEMBER, member)).forEach(document -> found.add(token(document)));
        return found;
    }

    @Override
    public boolean revoke(String id, String member) {
        return tokens.updateOne(and(eq(ID, id), eq(MEMBER, member)), Updates.set(REVOKED, true)).getMatchedCount() > 0;
    }

    @Override
    public void used(String id, Instant when) {
        tokens.updateOne(eq(ID, id), Updates.set(LAST_USED, Date.from(when)));
    }

    private static PersonalAccessToken token(Document document) {
        Date lastUsed = document.getDate(LAST_USED);
        return new PersonalAccessToken(document.getString(ID), document.getString(NAME), document.getString(MEMBER),
                TokenScope.parse(document.getString(SCOPE)).orElse(TokenScope.READ), document.getDate(CREATED).toInstant(),
                lastUsed == null ? null : lastUsed.toInstant(), Boolean.TRUE.equals(document.getBoolean(REVOKED)));
    }
}
