package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.learninglog.query.NotFoundException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;


/**
 * Reads one generation of a view, by {@code _id} only (single ids, or a list of ids in one
 * {@code $in} on {@code _id}). One reader serves one request: it remembers what it read, so that
 * a request sees each document once and consistently.
 */
public final class ViewReader {

    private final DocumentSource source;
    private final Map<String, Document> read = new HashMap<>();

    public ViewReader(MongoCollection<Document> collection) {
        this(new DirectDocuments(collection));
    }

    /** A reader over any source: the tests read a view kept in memory the way the queries read MongoDB. */
    public ViewReader(DocumentSource source) {
        this.source = source;
    }

    public Document get(String id) {
        if (!read.containsKey(id)) {
            read.put(id, source.load(id));
        }
        return read.get(id);
    }

    /** The document, or a {@link NotFoundException} naming the request's {@code field} at fault. */
    public Document require(String id, String field, String message) {
        Document document = get(id);
        if (document == null) {
            throw new NotFoundException(field, message);
        }
        return document;
    }

    /** The documents of {@code ids} that exist, in the order asked. */
    public List<Document> getAll(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !read.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            missing.forEach(id -> read.put(id, null));
            read.putAll(source.loadAll(missing));
        }
        List<Document> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Document document = read.get(id);
            if (document != null) {
                found.add(document);
            }
        }
        return found;
    }

    /**
     * Entries of the paged log {@code key} from index {@code from} on, in order, read as {@code read}
     * makes them, that match; stops after {@code limit} matches. Reads only the pages it needs, a
     * few at a time.
     */
    public <T> List<T> entries(String key, long from, long to, Function<Document, T> read, Predicate<? super T> match, int limit) {
        List<T> found = new ArrayList<>();
        long index = Math.max(0, from);
        int size = index < to ? PagedLog.pageSize(get(key)) : PagedLog.PAGE_SIZE;
        int perRead = Math.max(4, 400 / size); // about four hundred entries a round trip
        while (index < to && found.size() < limit) {
            long page = index / size;
            List<String> pages = new ArrayList<>();
            for (long p = page; p < page + perRead && p * size < to; p++) {
                pages.add(PagedLog.pageId(key, p));
            }
            List<Document> loaded = getAll(pages);
            if (loaded.isEmpty()) {
                break;
            }
            for (Document pageDocument : loaded) {
                long pageNo = Long.parseLong(pageDocument.getString("_id").substring(key.length() + 1));
                List<Document> entries = pageDocument.getList(PagedLog.ENTRIES, Document.class, List.of());
                for (int i = 0; i < entries.size(); i++) {
                    long at = pageNo * size + i;
                    if (at >= index && at < to && found.size() < limit) {
                        T entry = read.apply(entries.get(i));
                        if (match.test(entry)) {
                            found.add(entry);
                        }
                    }
                }
            }
            index = (page + pages.size()) * size;
        }
        return found;
    }
}
