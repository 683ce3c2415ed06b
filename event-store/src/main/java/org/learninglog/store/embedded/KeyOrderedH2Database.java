package org.learninglog.store.embedded;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;

/**
 * The H2 backend's database with one change: its unique indexes order their keys by value.
 *
 * <p>mongo-java-server keeps each unique index in an MVStore map keyed by {@code KeyValue}, a type
 * the MVStore does not know, so every comparison of a binary search Java-serialized both keys
 * (about 40 µs per lookup, measured with JFR). That made every exact-key read and every insert
 * into an indexed collection slow. Here the keys are compared element by element with the
 * server's own value order; they are still written to the file as before.
 */
final class KeyOrderedH2Database extends H2Database {

    private static final ObjectDataType KEY_ORDER = new KeyValueOrder();
    private static final Constructor<?> UNIQUE_INDEX = uniqueIndexConstructor();
    private static final Field STORE = storeField();

    KeyOrderedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        // The same map name as the H2 backend uses, so an index is found again after a restart.
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map = store().openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(KEY_ORDER));
        try {
            return (Index<Object>) UNIQUE_INDEX.newInstance(map, indexName, keys, sparse);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2 unique index could not be created", e);
        }
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

    private static Constructor<?> uniqueIndexConstructor() {
        try {
            Constructor<?> constructor = Class.forName("de.bwaldvogel.mongo.backend.h2.H2UniqueIndex")
                    .getDeclaredConstructor(MVMap.class, String.class, List.class, boolean.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This mongo-java-server has no H2UniqueIndex(MVMap, String, List, boolean)", e);
        }
    }

    /** Orders index keys by the server's value order, element by element; anything else as before. */
    private static final class KeyValueOrder extends ObjectDataType {

        private static final ValueComparator VALUES = ValueComparator.asc();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                int shared = Math.min(left.size(), right.size());
                for (int i = 0; i < shared; i++) {
                    int order = VALUES.compare(left.get(i), right.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                return Integer.compare(left.size(), right.size());
            }
            return super.compare(a, b);
        }
    }
}
