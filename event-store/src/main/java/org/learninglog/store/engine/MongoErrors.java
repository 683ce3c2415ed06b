package org.learninglog.store.engine;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/** What the engine makes of the database's errors: a duplicate key is a refusal, the rest are failures. */
final class MongoErrors {

    private MongoErrors() {
    }

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Whether every write an unordered bulk insert refused was refused on a duplicate key. */
    static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
        return e.getWriteErrors().stream()
                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    /** Axon's persistence exception resolver: a duplicate key is a conflict. */
    static PersistenceExceptionResolver duplicateKeyResolver() {
        return exception -> exception instanceof MongoWriteException write && isDuplicateKey(write);
    }

    /** The server's own words, without the driver's wrapping, cut short: H2's page descriptions run long. */
    static String serverMessage(MongoServerException e) {
        String text = e instanceof MongoCommandException command ? command.getErrorMessage() : String.valueOf(e.getMessage());
        int end = text.indexOf('\n');
        text = end < 0 ? text : text.substring(0, end);
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
