package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.eq;

/**
 * Which generation of each view serves: a pointer document per view in {@value #COLLECTION}
 * ({@code _id} = view name, {@code live} = generation). A rebuild fills the next generation's
 * collection while the live one keeps serving, then flips the pointer: one single-document
 * write, so a reader sees either the old view or the new one, never a mix.
 */
@Component
public class ViewGenerations {

    public static final String COLLECTION = "view_generations";
    private static final int FIRST = 1;

    private final MongoDatabase database;

    public ViewGenerations(MongoDatabase readModelDatabase) {
        this.database = readModelDatabase;
    }

    private MongoCollection<Document> pointers() {
        return database.getCollection(COLLECTION);
    }

    /** The generation that serves the view now. */
    public int live(String view) {
        Document pointer = pointers().find(eq("_id", view)).first();
        return pointer == null ? FIRST : pointer.getInteger("live", FIRST);
    }

    /** Makes {@code generation} the one that serves {@code view}. */
    public void flip(String view, int generation) {
        pointers().replaceOne(eq("_id", view), new Document("_id", view).append("live", generation),
                new ReplaceOptions().upsert(true));
    }

    /** The collection of one generation of a view. */
    public MongoCollection<Document> collection(String view, int generation) {
        return database.getCollection(collectionName(view, generation));
    }

    /**
     * Drops the collection of one generation of a view, if there is one: the embedded server logs an
     * error for a collection dropped that was never made (a rebuild's first, a view that had no documents).
     */
    public void drop(String view, int generation) {
        String name = collectionName(view, generation);
        if (database.listCollectionNames().into(new java.util.ArrayList<>()).contains(name)) {
            database.getCollection(name).drop();
        }
    }

    public static String collectionName(String view, int generation) {
        return "view_" + view.replace('-', '_') + "_g" + generation;
    }

    /** The collection that serves the view now. */
    public MongoCollection<Document> liveCollection(String view) {
        return collection(view, live(view));
    }
}
