package org.learninglog.command.demo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.learninglog.store.MongoStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.mongodb.client.model.Filters.eq;

/**
 * The mark that the demo programme was loaded to its end, written only after its last command.
 * A demo whose programme exists without this mark was interrupted (a crash, a full disk) and is
 * resumed on the next start (see {@link DemoProgramme#load()}).
 */
@Component
class DemoCompletion {

    private static final String COLLECTION = "demo_loads";

    private final MongoCollection<Document> marks;

    DemoCompletion(MongoStore store) {
        this.marks = store.database().getCollection(COLLECTION);
    }

    boolean isComplete(String programmeId) {
        return marks.find(eq("_id", programmeId)).first() != null;
    }

    void markComplete(String programmeId, int events) {
        marks.replaceOne(eq("_id", programmeId),
                new Document("_id", programmeId).append("events", events).append("completedAt", Instant.now().toString()),
                new ReplaceOptions().upsert(true));
    }
}
