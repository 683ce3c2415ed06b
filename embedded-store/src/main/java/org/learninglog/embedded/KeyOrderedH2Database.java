package org.learninglog.embedded;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Predicate;

/**
 * The H2 backend's database with these changes: its documents and unique index keys are stored
 * through {@link CompactValues} instead of Java serialization (see there for why); its collections
 * hold their documents as BSON ({@link BsonValuedCollection}); its unique indexes find a string
 * {@code _id}'s key without the general path ({@link UniqueKeyIndex}).
 */
final class KeyOrderedH2Database extends H2Database {

    private static final Field STORE = storeField();

    /** The collection's meta entry that says its documents are kept by a sequence ({@value #BY_SEQUENCE}). */
    static final String POSITIONS = "positions";
    static final String BY_SEQUENCE = "sequence";

    private final Predicate<String> keyedById;

    KeyOrderedH2Database(String name, MVStore store, CursorRegistry cursors, Predicate<String> keyedById) {
        super(name, store, cursors);
        this.keyedById = keyedById;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        // The same map names as the H2 backend uses; only the documents' format differs.
        String namespace = getFullCollectionNamespace(collectionName);
        boolean created = !store().hasMap(dataMapName(namespace));
        MVMap<Object, Object> data = store().openMap(dataMapName(namespace), dataMapBuilder());
        MVMap<String, Object> meta = store().openMap("meta." + namespace);
        // keyedById is null while the super constructor opens what there is (a collection it makes then keeps the H2 backend's way)
        if (created && keyedById != null && !keyedById.test(collectionName)) {
            meta.put(POSITIONS, BY_SEQUENCE);
        }
        boolean bySequence = BY_SEQUENCE.equals(meta.get(POSITIONS));
        return new BsonValuedCollection(this, collectionName, options, data, meta, cursorRegistry, bySequence);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        // The same map name as the H2 backend uses, so an index is found again after a restart.
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map = store().openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(CompactValues.INSTANCE));
        return new UniqueKeyIndex(map, indexName, keys, sparse);
    }

    /** The collection of this database named so, created as an insert creates it if there is none. */
    BsonValuedCollection collectionForInserts(String collectionName) {
        return (BsonValuedCollection) resolveOrCreateCollection(collectionName);
    }

    static String dataMapName(String namespace) {
        return "databases." + namespace;
    }

    /** A collection's documents, kept as {@link StoredBson}. */
    static MVMap.Builder<Object, Object> dataMapBuilder() {
        return new MVMap.Builder<Object, Object>().valueType(CompactValues.KEEPING_BSON);
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
