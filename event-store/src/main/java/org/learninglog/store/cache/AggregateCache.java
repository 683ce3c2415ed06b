package org.learninglog.store.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A bounded cache of loaded aggregates for Axon's {@code CachingEventSourcingRepository}: the
 * most recently used aggregates stay in memory, so a command on one of them neither reads its
 * events again nor rebuilds its state (on the embedded store that was most of a command's time).
 *
 * <p>Why bounded and not Axon's {@code WeakReferenceCache}: the weak cache is emptied by every
 * collection under memory pressure, which is when loads cost most; this one keeps up to
 * {@code maximumSize} entries and drops the least recently used.
 *
 * <p>What it does not change: the repository caches an aggregate only when its unit of work
 * commits, and removes it on a rollback (a refused append, a failed handler), so the cache never
 * holds state the store does not. Appends still carry their sequence numbers, so two writers of
 * one aggregate still conflict in the store and exactly one wins. The cache belongs to one
 * process: when another command-side process wrote an aggregate since, this one's next command
 * on it fails on its stale copy (the entry is then dropped), and the command side's gateway sends
 * it again on state loaded from the store, so a stale entry costs one retry, never an error to the
 * client. Our aggregates keep no personal data in their fields, so an
 * erased person's data is not kept alive here either.
 */
public final class AggregateCache implements Cache {

    /** Aggregates kept by default; a few thousand small objects. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public AggregateCache() {
        this(DEFAULT_MAXIMUM_SIZE);
    }

    public AggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run) // evict in the writing thread: no hand-off to a pool per put
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (key != null && cause.wasEvicted()) {
                        listeners.forEach(listener -> listener.onEntryExpired(key));
                    }
                })
                .build()
                .asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous = entries.put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many aggregates are held now (approximately, as the bound is enforced asynchronously). */
    public long size() {
        return entries.size();
    }
}
