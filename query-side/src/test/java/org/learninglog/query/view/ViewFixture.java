package org.learninglog.query.view;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.learninglog.query.flow.LearningFlowProjection;
import org.learninglog.query.report.SynthesisReportProjection;
import org.learninglog.query.programme.ProgrammeTimelineProjection;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.sample.SampleHistory;
import org.learninglog.query.search.SearchProjection;
import org.learninglog.query.timeline.PlaceTimelineProjection;
import org.learninglog.store.EncodedDocuments;
import org.learninglog.store.MongoStore;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.PositionedEventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A store holding a history, and the views' projections applied to it the ways the application does. */
final class ViewFixture {

    static final List<Projection> PROJECTIONS = List.of(new JourneyProjection(), new ProgrammeTimelineProjection(),
            new LearningFlowProjection(), new SearchProjection(), new SynthesisReportProjection(), new PlaceTimelineProjection());

    final MongoStore store;
    final PositionedEventStorageEngine engine;

    ViewFixture(MongoStore store) {
        this.store = store;
        this.engine = PositionedEventStorageEngine.builder()
                .database(store.database())
                .eventSerializer(EventJson.serializer())
                .snapshotSerializer(EventJson.serializer())
                .build();
        engine.ensureIndexes();
    }

    void append(SampleHistory history) {
        for (DomainEventMessage<?> message : history.messages()) {
            engine.appendEvents(message);
        }
    }

    /** Every stored event, in order, as the projections see it. */
    List<ViewEvent> stored() {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(new GlobalSequenceTrackingToken(0), false)) {
            return events.map(m -> new ViewEvent(PositionedEventStorageEngine.positionOf(m.trackingToken()), m.getIdentifier(),
                    m.getTimestamp(), m.getPayload())).toList();
        }
    }

    MongoCollection<Document> collection(String name) {
        return store.database().getCollection(name);
    }

    /** As the live processor does: each event's documents written as soon as it is applied. */
    static void applyLive(Projection projection, MongoCollection<Document> collection, List<ViewEvent> events) {
        for (ViewEvent event : events) {
            ViewUpdate write = new ViewUpdate(new DirectDocuments(collection), event.position());
            projection.apply(event, write);
            write.commit();
        }
    }

    /**
     * As the live processor does: the events a batch of {@code size} at a time, each batch written with
     * one bulk at its end. An event whose projection fails is parked, as the dead-letter queue does, and
     * the batch goes on; the parked events are answered.
     */
    static List<ViewEvent> applyBatched(Projection projection, MongoCollection<Document> collection, List<ViewEvent> events,
                                        int size) {
        return applyBatched(projection, collection, events, size, null);
    }

    /** The same, the batches reading their documents without the wire through {@code direct} ({@code null}: through the driver). */
    static List<ViewEvent> applyBatched(Projection projection, MongoCollection<Document> collection, List<ViewEvent> events,
                                        int size, EncodedDocuments direct) {
        List<ViewEvent> parked = new java.util.ArrayList<>();
        for (int start = 0; start < events.size(); start += size) {
            ViewBatch batch = new ViewBatch(projection, collection, direct);
            List<ViewEvent> delivered = events.subList(start, Math.min(events.size(), start + size));
            batch.readAhead(delivered);
            for (ViewEvent event : delivered) {
                try {
                    batch.apply(event);
                } catch (RuntimeException failure) {
                    parked.add(event);
                }
            }
            batch.write();
        }
        return parked;
    }

    /** As a rebuild does: in memory, written in bulk. */
    static void applyRebuild(Projection projection, MongoCollection<Document> collection, List<ViewEvent> events) {
        applyRebuild(projection, collection, events, 100_000);
    }

    /** As a rebuild does, keeping about {@code cacheLimit} documents in memory (fewer than the view has: read again). */
    static BufferedDocuments.Sent applyRebuild(Projection projection, MongoCollection<Document> collection, List<ViewEvent> events,
                                               int cacheLimit) {
        return applyRebuild(projection, collection, events, cacheLimit, 500);
    }

    /** As a rebuild does, writing ahead what was not touched every {@code flushEvery} events. */
    static BufferedDocuments.Sent applyRebuild(Projection projection, MongoCollection<Document> collection, List<ViewEvent> events,
                                               int cacheLimit, int flushEvery) {
        return applyRebuild(projection, collection, events, cacheLimit, flushEvery, false);
    }

    /** The same, told how many writes ahead are to come, as {@code GenerationBuilder} tells it, if {@code told}. */
    static BufferedDocuments.Sent applyRebuild(Projection projection, MongoCollection<Document> collection, List<ViewEvent> events,
                                               int cacheLimit, int flushEvery, boolean told) {
        return applyRebuild(projection, collection, events, cacheLimit, flushEvery, told, null);
    }

    /** The same, writing documents without the wire through {@code direct} ({@code null}: through the driver). */
    static BufferedDocuments.Sent applyRebuild(Projection projection, MongoCollection<Document> collection, List<ViewEvent> events,
                                               int cacheLimit, int flushEvery, boolean told, EncodedDocuments direct) {
        FreshGenerationDocuments documents = new FreshGenerationDocuments(collection, cacheLimit, direct);
        if (told) {
            documents.expectWritesAhead(events.size() / flushEvery);
        }
        int count = 0;
        for (ViewEvent event : events) {
            ViewUpdate write = new ViewUpdate(documents, event.position());
            projection.apply(event, write);
            write.commit();
            if (++count % flushEvery == 0) {
                documents.flushAhead(); // written while the next events are applied, as a rebuild does
            }
        }
        documents.flush();
        return documents.sent();
    }

    static List<ViewEvent> upTo(List<ViewEvent> events, Instant cut) {
        Predicate<ViewEvent> recorded = event -> !event.recordedAt().isAfter(cut);
        return events.stream().filter(recorded).toList();
    }
}
