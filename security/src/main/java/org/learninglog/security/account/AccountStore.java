package org.learninglog.security.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Local accounts' passwords in the store's database ({@code local_accounts}), one document per
 * member keyed by the member identifier: a hash from Spring Security's delegating encoder
 * ({@code {bcrypt}…}), never the password. What a member may do is not here but in the membership view.
 */
public final class AccountStore {

    private static final String ID = "_id";
    private static final String PASSWORD = "password";

    private final MongoCollection<Document> accounts;

    public AccountStore(MongoDatabase database) {
        this.accounts = database.getCollection("local_accounts");
    }

    public Optional<String> passwordHash(String memberId) {
        return Optional.ofNullable(accounts.find(eq(ID, memberId)).first()).map(document -> document.getString(PASSWORD))
                .filter(hash -> !hash.isEmpty());
    }

    public void setPasswordHash(String memberId, String hash) {
        accounts.replaceOne(eq(ID, memberId), new Document(ID, memberId).append(PASSWORD, hash), new ReplaceOptions().upsert(true));
    }

    /** The old password stops working (a reset link was issued). */
    public void clearPassword(String memberId) {
        accounts.deleteOne(eq(ID, memberId));
    }
}
