package org.learninglog.query.view;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

/**
 * How every document source writes: one bulk of whole-document replacements by {@code _id}.
 *
 * <p>A document only moves forward: a replacement applies only where the stored document was last
 * changed by an earlier event ({@link ViewUpdate#POSITION}). Two processes can handle the same
 * segment for a moment (a process that stalled past its claim's timeout has its segment taken over,
 * and finishes the batch it was in); without this, the stalled one would write back a document
 * the other had already moved on, and the events in between would be lost from it. Where the
 * stored document is newer, the upsert meets the document's {@code _id} and is refused as a
 * duplicate key, which here means "already there": the bulk goes on past it.
 */
final class Replacements {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);
    private static final int DUPLICATE_KEY = 11000;

    private Replacements() {
    }

    /** In any order: for a rebuild, whose generation serves no one until it is complete. */
    static void write(MongoCollection<Document> collection, Collection<Document> documents) {
        List<WriteModel<Document>> writes = replacements(documents);
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, UNORDERED);
        } catch (MongoBulkWriteException refused) {
            if (!onlyAlreadyThere(refused)) {
                throw refused;
            }
        }
    }

    /** Each after the one before: for a batch of the live processor. */
    static void writeInOrder(MongoCollection<Document> collection, Collection<Document> documents) {
        List<WriteModel<Document>> writes = replacements(documents);
        while (!writes.isEmpty()) {
            try {
                collection.bulkWrite(writes, ORDERED);
                return;
            } catch (MongoBulkWriteException refused) {
                if (!onlyAlreadyThere(refused)) {
                    throw refused;
                }
                // an ordered bulk stops at its first refusal: go on after it
                writes = writes.subList(refused.getWriteErrors().get(0).getIndex() + 1, writes.size());
            }
        }
    }

    private static List<WriteModel<Document>> replacements(Collection<Document> documents) {
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        for (Document document : documents) {
            writes.add(new ReplaceOneModel<>(unlessNewer(document), document, UPSERT));
        }
        return writes;
    }

    private static boolean onlyAlreadyThere(MongoBulkWriteException refused) {
        List<BulkWriteError> errors = refused.getWriteErrors();
        return refused.getWriteConcernError() == null && !errors.isEmpty()
                && errors.stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
    }

    private static Bson unlessNewer(Document document) {
        Bson id = eq("_id", document.get("_id"));
        Number position = document.get(ViewUpdate.POSITION, Number.class);
        if (position == null) {
            return id;
        }
        return and(id, or(lt(ViewUpdate.POSITION, position.longValue()), exists(ViewUpdate.POSITION, false)));
    }
}
