package org.learninglog.launcher.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/** What the store itself holds, read with the MongoDB driver over its socket. */
final class StoredProgrammes {

    private StoredProgrammes() {
    }

    /** For each id, how many times its registration is stored (commits of seq 0 on its stream). */
    static Map<String, Long> registrations(String storeUri, List<String> ids) {
        try (MongoClient client = MongoClients.create(storeUri)) {
            MongoCollection<Document> events = client.getDatabase("learninglog").getCollection("events");
            Map<String, Long> found = ids.stream().collect(Collectors.toMap(Function.identity(), id -> 0L));
            for (Document commit : events.find(and(in("stream", ids), eq("seq", 0L)))) {
                found.merge(commit.getString("stream"), 1L, Long::sum);
            }
            return found;
        }
    }
}
