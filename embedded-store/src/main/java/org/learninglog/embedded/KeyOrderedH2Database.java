package org.learninglog.embedded;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The H2 backend's database with these changes: its documents and unique index keys are stored
 * through {@link CompactValues} instead of Java serialization (see there for why), which is told
 * when the server changes a stored document in place; and a lookup of a list of {@code _id}s
 * answers with what the index found, without checking every document against the list again; its
 * unique indexes find a string {@code _id}'s key without the general path ({@link UniqueKeyIndex}).
 */
final class KeyOrderedH2Database extends H2Database {

    private static final Field STORE = storeField();

    KeyOrderedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        // The same map names as the H2 backend uses; only the documents' format differs.
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store().openMap(dataMapName(namespace), dataMapBuilder());
        MVMap<String, Object> meta = store().openMap("meta." + namespace);
        return new H2Collection(this, collectionName, options, data, meta, cursorRegistry) {
            @Override
            protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
                // The server has changed the stored document in place: its cached BSON is stale.
                CompactValues.INSTANCE.forget(newDocument);
                super.handleUpdate(position, oldDocument, newDocument);
            }

            /**
             * The server would keep the collection's size in bytes up to date on every write, for
             * {@code collStats} and {@code dbStats}: by encoding each document it inserts to BSON
             * once more, each it updates twice (before and after), and writing the total to the
             * collection's meta map. A profile of a view rebuild had a tenth of its CPU there. Nothing
             * here reads those statistics, so the size is counted only when asked ({@link #getDataSize}).
             */
            @Override
            protected boolean tracksDataSize() {
                return false;
            }

            @Override
            protected int getDataSize() {
                long bytes = 0;
                for (Document document : data.values()) {
                    bytes += CompactValues.encodedSize(document);
                }
                return (int) Math.min(Integer.MAX_VALUE, bytes);
            }

            @Override
            protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                                 int numberToSkip, int limit, int batchSize, Document fieldSelector) {
                if (!isIdIn(query)) {
                    return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
                // The _id index found exactly the documents whose _id is in the list. The server
                // would then check each against the whole list again, one value after another:
                // 256 × 256 comparisons for a tracking batch, measured at 60 % of the read.
                Stream<Document> found = StreamSupport.stream(positions.spliterator(), false).map(this::getDocument);
                return matchDocumentsFromStream(found, new Document(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        };
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        // The same map name as the H2 backend uses, so an index is found again after a restart.
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map = store().openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(CompactValues.INSTANCE));
        return new UniqueKeyIndex(map, indexName, keys, sparse);
    }

    /** {@code {_id: {$in: [...]}}} and nothing else. */
    private static boolean isIdIn(Document query) {
        return query.size() == 1 && query.get("_id") instanceof Document condition
                && condition.size() == 1 && condition.get("$in") instanceof Collection<?>;
    }

    static String dataMapName(String namespace) {
        return "databases." + namespace;
    }

    static MVMap.Builder<Object, Document> dataMapBuilder() {
        return new MVMap.Builder<Object, Document>().valueType(CompactValues.INSTANCE);
    }

    /** The super constructor opens the existing indexes, before a field of ours could be set: read its own. */
    private MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field storeField() {
        try {
            Field field = H2Database.class.getDeclaredField("mvStore");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("This mongo-java-server's H2Database has no mvStore field", e);
        }
    }
}
