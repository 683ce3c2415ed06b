package org.learninglog.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The H2 backend's collection, its documents held in their map as {@link StoredBson} (see there
 * for why), in the same map and the same file format as the H2 backend's. Every method of
 * {@link H2Collection} that reads or writes a document is taken over here, so nothing gives the
 * server a stored value that is not a document of its own to change.
 *
 * <p>Also: a lookup of a list of {@code _id}s answers with what the index found, without checking
 * every document against the list again, and the collection's size in bytes is counted only when
 * asked.
 */
final class BsonValuedCollection extends H2Collection {

    private static final String ID = "_id";

    private final MVMap<Object, Object> data;
    /** The next document's key in {@link #data} if documents are kept by a sequence; {@code null} if by {@code _id}. */
    private final AtomicLong sequence;

    @SuppressWarnings({"unchecked", "rawtypes"})
    BsonValuedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Object> data,
                         MVMap<String, Object> meta, CursorRegistry cursors, boolean bySequence) {
        super(database, name, options, (MVMap) data, meta, cursors);
        this.data = data;
        this.sequence = bySequence ? new AtomicLong(data.isEmpty() ? 1 : ((Number) data.lastKey()).longValue() + 1) : null;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object id = getIdField() == null ? java.util.UUID.randomUUID() : Utils.getSubdocumentValue(document, getIdField());
        Object position = sequence == null ? Missing.ofNullable(id) : (Object) sequence.getAndIncrement();
        Object previous = data.put(position, StoredBson.of(document));
        if (previous != null) {
            throw new IllegalStateException("Position " + position + " already holds a document");
        }
        return position;
    }

    /**
     * Inserts a document the client already encoded, kept as those very bytes: what an insert over
     * the wire does, without decoding the document into the server's tree and encoding it again (see
     * {@link DurableH2Backend#writeEncoded}). The shortcut needs what a view's collection has: a
     * string {@code _id} and no index but the {@code _id} index, documents kept by a sequence;
     * anything else is decoded and inserted by the general path.
     */
    synchronized void insertEncoded(byte[] bytes) {
        UniqueKeyIndex byId = onlyIdIndex();
        String id = stringId(bytes);
        if (byId != null && id != null) {
            // In the general path's order: every index checked, the document stored, then indexed.
            byId.checkAddId(id, this);
            Object position = sequence.getAndIncrement();
            data.put(position, new StoredBson(bytes));
            byId.addId(id, position);
            return;
        }
        addDocument(DocumentBson.decode(bytes));
    }

    /**
     * Puts a document the client already encoded in place of the one with its {@code _id}, or inserts
     * it if there is none: a replacement with upsert, kept as those bytes, under the same conditions
     * as {@link #insertEncoded}; anything else takes the general path.
     */
    synchronized void replaceEncoded(byte[] bytes) {
        UniqueKeyIndex byId = onlyIdIndex();
        String id = stringId(bytes);
        Object position = byId != null && id != null ? byId.positionOfId(id) : null;
        if (position != null) {
            data.put(position, new StoredBson(bytes));
        } else if (byId != null && id != null) {
            insertEncoded(bytes);
        } else {
            Document replacement = DocumentBson.decode(bytes);
            super.updateDocuments(new Document(ID, replacement.get(ID)), replacement, ArrayFilters.empty(), false, true,
                    de.bwaldvogel.mongo.oplog.NoopOplog.get());
        }
    }

    /**
     * The stored bytes of the documents whose string {@code _id} is one of {@code ids}, those not here
     * left out; {@code null} unless documents are kept as a view's are (see {@link #insertEncoded}).
     */
    List<byte[]> findEncoded(Collection<String> ids) {
        UniqueKeyIndex byId = onlyIdIndex();
        if (byId == null) {
            return null;
        }
        List<byte[]> found = new java.util.ArrayList<>(ids.size());
        for (String id : ids) {
            Object position = byId.positionOfId(id);
            Object stored = position == null ? null : data.get(position);
            if (stored != null) {
                found.add(stored instanceof StoredBson bson ? bson.bytes() : DocumentBson.encode((Document) stored));
            }
        }
        return found;
    }

    /** The collection's one index, if it is the {@code _id} index and documents are kept by a sequence; else {@code null}. */
    private UniqueKeyIndex onlyIdIndex() {
        List<Index<Object>> indexes = getIndexes();
        return sequence != null && indexes.size() == 1 && indexes.get(0) instanceof UniqueKeyIndex byId && byId.isIdIndex() ? byId : null;
    }

    /** The document's {@code _id} if it is a string, read without decoding the rest; else {@code null}. */
    private static String stringId(byte[] bytes) {
        return new org.bson.RawBsonDocument(bytes).get(ID) instanceof org.bson.BsonString id ? id.getValue() : null;
    }

    /**
     * A whole document replaced by its string {@code _id}, in a collection with no other index (every
     * write of a view: a rebuild's documents written again, a live batch's upserts), is put in place
     * of the one stored without the server's general update: it reads the stored document back,
     * matches it against the query, copies it deeply and builds the new one field by field, which a
     * profile of the journey's rebuild at a million events put at a sixth of its samples. The answer,
     * the stored document and the oplog's notice are the general path's; a document counts as
     * modified if its bytes changed, as MongoDB counts it. Anything else, and a replacement that finds
     * nothing to replace (an upsert's insert), takes the general path.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        Object position = replacedInPlace(selector, update, isMulti);
        if (position == null) {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        }
        Object id = selector.get(ID);
        Document replacement = new Document(ID, id);
        update.forEach((field, value) -> {
            if (!ID.equals(field)) {
                replacement.put(field, value);
            }
        });
        Utils.validateFieldNames(replacement);
        StoredBson stored = StoredBson.of(replacement);
        Object before = data.get(position);
        boolean modified = !(before instanceof StoredBson old && java.util.Arrays.equals(old.bytes(), stored.bytes()));
        if (modified) {
            data.put(position, stored);
        }
        oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(id) : List.of());
        return new Document("n", 1).append("nModified", modified ? 1 : 0);
    }

    /** Where the document a replacement replaces is, if it can be replaced in place ({@link #updateDocuments}); else {@code null}. */
    private Object replacedInPlace(Document selector, Document update, boolean isMulti) {
        if (isMulti || selector.size() != 1 || !(selector.get(ID) instanceof String id)
                || !(update.get(ID) == null || id.equals(update.get(ID)))) {
            return null;
        }
        for (String field : update.keySet()) {
            if (field.startsWith("$") || field.contains(".")) {
                return null; // an operator, or a name the general path refuses (its refusal is its own)
            }
        }
        List<Index<Object>> indexes = getIndexes();
        return indexes.size() == 1 && indexes.get(0) instanceof UniqueKeyIndex byId ? byId.positionOfId(id) : null;
    }

    @Override
    protected Document getDocument(Object position) {
        Object stored = data.get(position);
        return stored == null ? null : StoredBson.documentOf(stored);
    }

    @Override
    protected void removeDocument(Object position) {
        if (data.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        data.put(Missing.ofNullable(position), StoredBson.of(newDocument));
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return data.entrySet().stream().map(entry -> new DocumentWithPosition<>(StoredBson.documentOf(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> documents;
        if (isNaturalDescending(orderBy)) {
            documents = streamAllDocumentsWithPosition()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                    .map(DocumentWithPosition::getDocument);
        } else {
            documents = data.values().stream().map(StoredBson::documentOf);
        }
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        if (!isIdIn(query)) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // The _id index found exactly the documents whose _id is in the list. The server would
        // then check each against the whole list again, one value after another: 256 × 256
        // comparisons for a tracking batch, measured at 60 % of the read.
        Stream<Document> found = StreamSupport.stream(positions.spliterator(), false).map(this::getDocument);
        return matchDocumentsFromStream(found, new Document(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** {@code {_id: {$in: [...]}}} and nothing else. */
    private static boolean isIdIn(Document query) {
        return query.size() == 1 && query.get("_id") instanceof Document condition
                && condition.size() == 1 && condition.get("$in") instanceof Collection<?>;
    }

    /**
     * The server would keep the collection's size in bytes up to date on every write, for
     * {@code collStats} and {@code dbStats}: by encoding each document it inserts to BSON once
     * more, each it updates twice (before and after), and writing the total to the collection's
     * meta map. A profile of a view rebuild had a tenth of its CPU there. Nothing here reads those
     * statistics, so the size is counted only when asked ({@link #getDataSize}).
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        if (data == null) {
            return 0; // asked by the super constructor, for a debug line, before this collection is set up
        }
        long bytes = 0;
        for (Object stored : data.values()) {
            bytes += stored instanceof StoredBson bson ? bson.bytes().length : DocumentBson.encode((Document) stored).length;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
