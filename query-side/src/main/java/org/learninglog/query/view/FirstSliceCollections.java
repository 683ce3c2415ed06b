package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The place timeline and the place list were kept in collections of their own ({@code place_timelines},
 * {@code place_lists}) before they were views. Their documents have the views' shape, so at start,
 * before the processors run, a store that still has such a collection hands its documents to the
 * view's live generation as they are (only if that generation is still empty) and drops it. The
 * processors' tokens stay where they were; a document without a position takes the next events
 * as new, which changes nothing an event already wrote. Done once; a start cut short in between
 * finishes it the next time.
 */
@Component
public class FirstSliceCollections {

    private static final Logger LOG = LoggerFactory.getLogger(FirstSliceCollections.class);
    /** Each collection of the first slice, and the view that keeps its documents now. */
    static final Map<String, String> VIEW_OF = Map.of("place_timelines", "place-timeline", "place_lists", "place-list");

    private final MongoDatabase database;
    private final ViewGenerations generations;

    public FirstSliceCollections(MongoDatabase readModelDatabase, ViewGenerations generations) {
        this.database = readModelDatabase;
        this.generations = generations;
    }

    @PostConstruct
    public void handOver() {
        List<String> present = database.listCollectionNames().into(new ArrayList<>());
        VIEW_OF.forEach((collection, view) -> {
            if (present.contains(collection)) {
                MongoCollection<Document> old = database.getCollection(collection);
                MongoCollection<Document> live = generations.liveCollection(view);
                if (live.countDocuments() == 0) {
                    List<Document> documents = old.find().into(new ArrayList<>());
                    if (!documents.isEmpty()) {
                        live.insertMany(documents);
                    }
                    LOG.info("The {} view took over the {} documents of {}", view, documents.size(), collection);
                }
                old.drop();
            }
        });
    }
}
