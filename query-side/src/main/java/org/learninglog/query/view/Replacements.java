package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * How every document source writes: one bulk of whole-document replacements by {@code _id}.
 *
 * <p>The filter is the {@code _id} alone: the embedded store finds a document by its index only for
 * an exact {@code _id} match and scans the collection for anything more (a condition on the stored
 * position, say), which made every write of a large view cost a scan. So a write does not check that
 * the stored document is older; a process that stalls past its claim's timeout and finishes its
 * batch after another took the segment over can write back an older document (docs/views.md).
 */
final class Replacements {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private Replacements() {
    }

    /** In any order: for a rebuild, whose generation serves no one until it is complete. */
    static void write(MongoCollection<Document> collection, Collection<Document> documents) {
        write(collection, documents, UNORDERED);
    }

    /** Each after the one before, stopping at the first that fails: for a batch of the live processor. */
    static void writeInOrder(MongoCollection<Document> collection, Collection<Document> documents) {
        write(collection, documents, ORDERED);
    }

    private static void write(MongoCollection<Document> collection, Collection<Document> documents, BulkWriteOptions options) {
        if (documents.isEmpty()) {
            return;
        }
        // encoded here rather than by the collection's codec, which looks up a codec for every value (DocumentBytes)
        DocumentBytes bytes = new DocumentBytes(collection.getCodecRegistry());
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>(documents.size());
        for (Document document : documents) {
            writes.add(new ReplaceOneModel<>(eq("_id", document.get("_id")), bytes.of(document), UPSERT));
        }
        collection.withDocumentClass(RawBsonDocument.class).bulkWrite(writes, options);
    }
}
