package org.learninglog.store.engine;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads commits by position: a window of {@code batchSize} positions at once
 * ({@code _id $in [p, p + batch)}, exact primary keys), position by position where the server
 * cannot answer a window, and the commit a position falls inside.
 */
final class CommitWindows {

    private final MongoCollection<Document> events;
    private final int batchSize;

    CommitWindows(MongoCollection<Document> events, int batchSize) {
        this.events = events;
        this.batchSize = batchSize;
    }

    int batchSize() {
        return batchSize;
    }

    /** The commits that start in the window from {@code from}, in no particular order. */
    List<Document> read(long from) {
        try {
            return events.find(CommitQueries.startingIn(from, from + batchSize - 1)).into(new ArrayList<>());
        } catch (MongoServerException e) {
            return readUpToDamage(from, e);
        }
    }

    /**
     * The server could not answer the window (a damaged page of its file): reads it position by
     * position, returns what comes before the first position that fails, and fails on that
     * position once the reader gets there.
     */
    private List<Document> readUpToDamage(long from, MongoServerException windowFailure) {
        List<Document> readable = new ArrayList<>();
        for (long position = from; position < from + batchSize; position++) {
            try {
                Document commit = events.find(CommitQueries.at(position)).first();
                if (commit != null) {
                    readable.add(commit);
                }
            } catch (MongoServerException e) {
                if (readable.isEmpty()) {
                    throw new UnreadableEvent(position, "the store answered: " + MongoErrors.serverMessage(e));
                }
                return readable;
            }
        }
        if (readable.isEmpty()) {
            throw new UnreadableEvent(from, "the store answered: " + MongoErrors.serverMessage(windowFailure));
        }
        return readable;
    }

    /** The commit that holds {@code position} when a token stopped inside it, if any. */
    Document commitHolding(long position) {
        long from = Math.max(1, position - CommitDocument.MAX_EVENTS + 1);
        if (from >= position) {
            return null;
        }
        Document holder = null;
        for (Document candidate : events.find(CommitQueries.startingIn(from, position - 1))) {
            long start = CommitDocument.position(candidate);
            if (CommitDocument.end(candidate) > position && (holder == null || start > CommitDocument.position(holder))) {
                holder = candidate;
            }
        }
        return holder;
    }

    /** The first commit (not a fence) that starts at a position from {@code from} to {@code limit}, if any. */
    Document firstCommitFrom(long from, long limit) {
        for (long start = from; start <= limit; start += batchSize) {
            Document first = null;
            for (Document candidate : events.find(CommitQueries.startingIn(start, Math.min(limit, start + batchSize - 1)))) {
                if (!CommitDocument.isFence(candidate)
                        && (first == null || CommitDocument.position(candidate) < CommitDocument.position(first))) {
                    first = candidate;
                }
            }
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    /** Sorts {@code commits} by position and says whether they follow on from {@code from} without a hole. */
    static boolean contiguousFrom(long from, List<Document> commits) {
        commits.sort(CommitDocument.BY_POSITION);
        long expected = from;
        for (Document commit : commits) {
            if (CommitDocument.position(commit) != expected) {
                return false;
            }
            expected += CommitDocument.count(commit);
        }
        return !commits.isEmpty();
    }
}
