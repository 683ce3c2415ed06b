package org.learninglog.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unique index on an MVMap of its keys, as the H2 backend's own ({@code H2UniqueIndex}) keeps it,
 * with one shortcut: the key of a document whose {@code _id} is a string, in the {@code _id} index,
 * is that string.
 *
 * <p>Why: for every document inserted the server asks the index for the document's keys twice (to
 * check, then to add) by its general path, which splits each key's path with a regular expression,
 * streams the values, normalizes them and checks for parallel arrays. An allocation profile of a
 * view rebuild put 4.3 of the store's 23.6 GB there, for the one key every collection has. A
 * string is its own normalized value and cannot be an array, so the shortcut gives the very key
 * the general path would; any other index, or an {@code _id} of another type, takes that path.
 */
final class UniqueKeyIndex extends AbstractUniqueIndex<Object> {

    private static final String ID = "_id";

    private final MVMap<KeyValue, Object> map;
    private final boolean byId;

    UniqueKeyIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.byId = !sparse && keys.size() == 1 && ID.equals(keys.get(0).getKey());
    }

    /** The document's key in this index if the shortcut gives it; {@code null} for the general path. */
    private KeyValue idKey(Document document) {
        return byId && document.get(ID) instanceof String id ? new KeyValue(id) : null;
    }

    /** Where the document with string {@code _id} {@code id} is; {@code null} if none is, or if this is not the {@code _id} index. */
    Object positionOfId(String id) {
        return byId ? map.get(new KeyValue(id)) : null;
    }

    /** Whether this is the {@code _id} index, whose key of a string {@code _id} is that string. */
    boolean isIdIndex() {
        return byId;
    }

    /** Throws the duplicate key error the general path throws if a document with string {@code _id} {@code id} is here. */
    void checkAddId(String id, MongoCollection<Object> collection) {
        KeyValue key = new KeyValue(id);
        if (containsKey(key)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    /** Records that the document with string {@code _id} {@code id} is at {@code position} (checked first with {@link #checkAddId}). */
    void addId(String id, Object position) {
        putKeyPosition(new KeyValue(id), position);
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        KeyValue key = idKey(document);
        return key == null ? super.getKeyValues(document) : Set.of(key);
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        KeyValue key = idKey(document);
        if (key == null) {
            super.checkAdd(document, collection);
        } else if (containsKey(key)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
