package org.learninglog.query.view;

import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents one event may change, each reached by its {@code _id} alone.
 *
 * <p>Idempotency lives here: every document remembers the position of the last event that
 * changed it ({@value #POSITION}). Events reach a processor in position order, so an event whose
 * position is not above a document's is one that document has already seen (a redelivery) and
 * {@link #edit} answers {@code null}: the projection leaves it alone. Delivering an event twice
 * therefore changes nothing, whichever documents the first delivery reached.
 */
public final class ViewUpdate {

    /** The field holding the position of the last event applied to a document. */
    public static final String POSITION = "_pos";

    private final DocumentSource source;
    private final long position;
    private final Map<String, Document> edited = new LinkedHashMap<>();
    /** Documents read ahead in one round trip ({@link #prefetch}), {@code null} for ids known to be absent. */
    private final Map<String, Document> prefetched = new java.util.HashMap<>();

    public ViewUpdate(DocumentSource source, long position) {
        this.source = source;
        this.position = position;
    }

    /** The position of the event being applied. */
    public long position() {
        return position;
    }

    /**
     * The document {@code id} to change for this event (a new one if there is none yet), or
     * {@code null} when this event has already been applied to it.
     */
    public Document edit(String id) {
        return edit(id, false);
    }

    /**
     * Like {@link #edit}, for a document no write before this batch can have stored (a log's next
     * page: see {@link DocumentSource#loadBegunInBatch}), so not read from the collection.
     */
    public Document editBegun(String id) {
        return edit(id, true);
    }

    private Document edit(String id, boolean begunInBatch) {
        Document document = edited.get(id);
        if (document != null) {
            return document;
        }
        document = begunInBatch && !prefetched.containsKey(id) ? source.loadBegunInBatch(id) : loaded(id);
        if (document == null) {
            document = new Document("_id", id);
        } else if (document.get(POSITION, Number.class) != null && document.get(POSITION, Number.class).longValue() >= position) {
            return null;
        }
        document.put(POSITION, position);
        edited.put(id, document);
        return document;
    }

    /** The document {@code id} as it stands, to read from; {@code null} if there is none. */
    public Document read(String id) {
        Document document = edited.get(id);
        return document != null ? document : loaded(id);
    }

    /**
     * Reads the documents of {@code ids} this event is about to {@link #edit} or {@link #read} in
     * one round trip, instead of one each; changes nothing else.
     */
    public void prefetch(java.util.Collection<String> ids) {
        java.util.List<String> wanted = ids.stream().filter(id -> !edited.containsKey(id) && !prefetched.containsKey(id))
                .distinct().toList();
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Document> found = source.loadAll(wanted);
        for (String id : wanted) {
            prefetched.put(id, found.get(id));
        }
    }

    private Document loaded(String id) {
        return prefetched.containsKey(id) ? prefetched.get(id) : source.load(id);
    }

    /** Hands the changed documents to the source, to be written. */
    public void commit() {
        source.store(edited.values());
    }
}
