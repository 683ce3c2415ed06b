package org.learninglog.benchmarks;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.learninglog.events.practice.PracticeAdapted;
import org.learninglog.events.practice.PracticeAdopted;
import org.learninglog.query.audit.AuditQueries;
import org.learninglog.query.flow.FlowQueries;
import org.learninglog.query.flow.LearningFlowProjection;
import org.learninglog.query.programme.ProgrammeTimelineQueries;
import org.learninglog.query.programme.ProgrammeTimelineProjection;
import org.learninglog.query.journey.JourneyProjection;
import org.learninglog.query.journey.JourneyQueries;
import org.learninglog.query.practice.PracticeQueries;
import org.learninglog.query.rebuild.GenerationBuilder;
import org.learninglog.sample.SampleHistory;
import org.learninglog.query.search.SearchProjection;
import org.learninglog.query.search.SearchQueries;
import org.learninglog.query.search.SearchResults;
import org.learninglog.query.view.DirectDocuments;
import org.learninglog.query.view.BufferedDocuments;
import org.learninglog.query.view.FreshGenerationDocuments;
import org.learninglog.query.view.PagedLog;
import org.learninglog.query.view.Projection;
import org.learninglog.query.view.TimelineFilter;
import org.learninglog.query.view.ViewReader;
import org.learninglog.query.view.ViewBatch;
import org.learninglog.query.view.ViewUpdate;
import org.learninglog.store.EncodedDocuments;
import org.learninglog.store.MongoStore;
import org.learninglog.store.StoreMode;
import org.learninglog.store.config.EventJson;
import org.learninglog.store.engine.PositionedEventStorageEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Prints figures of the views on a generated history, on the embedded server or on the MongoDB
 * that {@code MONGODB_URI} names. It asserts nothing.
 *
 * <ul>
 *   <li>rebuild: each view's generation filled from every stored event, with the rebuild's own
 *       code ({@link GenerationBuilder}), in seconds and events per second;</li>
 *   <li>live: the same view applied as the processor does, a batch of {@value #BATCH} events at a time,
 *       each batch's documents read once and written with one bulk ({@link ViewBatch}); and, to
 *       compare, event by event, written per event as the processor did before batches;</li>
 *   <li>queries: p50 and p99 latency of each kind of read, every one of them by exact keys.</li>
 * </ul>
 * Arguments: {@code --events=100000 --places=50 --queries=2000 --live-events=2000 --live-warm-up=5}, {@code --programmes=1}
 * (the events and places shared among that many programmes; the queries ask of the first), and
 * {@code --views=programme-timeline,search} (names, comma-separated) to build and query only those
 * views (the reads of each view are measured when it is built; all four is the default, as the
 * limits are of all four), and
 * {@code --read-ahead=false} to apply the live batches without reading ahead, and {@code --one-pass=true} to
 * rebuild the views in one pass over the events (as {@code POST /api/admin/views/rebuild} did) rather than
 * one after the other (as it does now), and {@code --kinds=true} to print the documents each rebuild wrote by kind.
 */
public final class ViewBenchmark {

    private static final String PROGRAMME = "benchmark";
    /** The processor's batch size ({@code ViewSegments}). */
    private static final int BATCH = 200;
    private static final int APPEND_BATCH = 1_000;
    /** How many times each view's live batches are measured; the median round is the figure. */
    private static final int LIVE_ROUNDS = 5;
    /**
     * Rounds of each view's live batches run before the measured ones and not counted ({@code --live-warm-up}):
     * a server applying events live runs that code all day, compiled, and so does the bare driver's write
     * path here (the rebuilds and the history used it); the view's own code (reading ahead, the stored shape,
     * the ordered bulk) had run ten batches when the first round was measured.
     */
    private static int liveWarmUp = 5;
    /** The rebuild's bulk ({@code BufferedDocuments}). */
    private static final int BARE_INSERT_BULK = 1_000;
    /** Past this many documents the bare inserts are not measured (see where they are). */
    private static final long BARE_INSERTS_UP_TO = 500_000;
    /** Whether the live batches read ahead as the processor does ({@code --read-ahead=false} to see what it gains). */
    private static boolean readAhead = true;
    /** Whether the views are rebuilt in one pass over the events ({@code --one-pass=true}) rather than one after the other. */
    private static boolean onePass = false;
    /** How many times the views are rebuilt ({@code --rebuild-rounds}); the median is the figure. */
    private static int rebuildRounds = 1;
    /** How many of the first events each view is rebuilt from before the measured rounds ({@code --warm-up-events}). */
    private static int warmUpEvents;
    /**
     * How the rebuild writes its documents and a live batch reads them: without the wire on the embedded
     * store of this process, as the application does there ({@code --in-process=true}, the default), or
     * through the driver. The bare driver beside the live batches writes through the driver either way.
     */
    private static EncodedDocuments direct;
    /** Whether the documents the rebuild wrote are printed by kind ({@code --kinds}). */
    private static boolean kinds;
    /** The bytes of the documents the live batches wrote, per view. */
    private static long bytesWritten;

    private ViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = argument(args, "events", 100_000);
        int places = argument(args, "places", 50);
        int queries = argument(args, "queries", 2_000);
        int liveEvents = argument(args, "live-events", 2_000);
        int programmeCount = argument(args, "programmes", 1);
        String views = text(args, "views", "journey,programme-timeline,learning-flow,search");
        String uri = System.getenv("MONGODB_URI");
        Path folder = TemporaryStore.folder("learninglog-view-benchmark");
        try (MongoStore store = uri == null || uri.isBlank()
                ? MongoStore.open(null, folder, 0, "benchmark")
                : MongoStore.connect(StoreMode.URI, uri, "learninglog_view_benchmark_" + System.currentTimeMillis())) {
            System.out.printf("Learning Log view benchmark on %s, %d events over %d places in %d programmes, %d cores, collector %s%n",
                    store.mode(), events, places, programmeCount, Runtime.getRuntime().availableProcessors(), Collector.described());
            readAhead = Boolean.parseBoolean(text(args, "read-ahead", "true"));
            onePass = Boolean.parseBoolean(text(args, "one-pass", "false"));
            kinds = Boolean.parseBoolean(text(args, "kinds", "false"));
            direct = Boolean.parseBoolean(text(args, "in-process", "true")) ? store.encodedDocuments() : null;
            System.out.println("the rebuild's writes and the live batches' reads " + (direct == null ? "through the driver"
                    : "without the wire (the embedded store of this process)"));
            liveWarmUp = argument(args, "live-warm-up", 5);
            // three rounds at a hundred thousand events take two minutes more; at a million, one takes a quarter of an hour
            rebuildRounds = argument(args, "rebuild-rounds", events <= 100_000 ? 3 : 1);
            // one round: warmed up first on the history's beginning (rounds warm up by themselves)
            warmUpEvents = argument(args, "warm-up-events", rebuildRounds == 1 && events > 100_000 ? 100_000 : 0);
            run(store, events, places, programmeCount, queries, liveEvents, List.of(views.split(",")));
            if (store.mode() == StoreMode.URI) {
                store.database().drop();
            }
        } finally {
            deleteFolder(folder); // the embedded store's file grows to gigabytes at 100,000 events
        }
    }

    private static void deleteFolder(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void run(MongoStore store, int events, int places, int programmeCount, int queries, int liveEvents, List<String> views) {
        PositionedEventStorageEngine engine = PositionedEventStorageEngine.builder()
                .store(store)
                .eventSerializer(EventJson.serializer())
                .snapshotSerializer(EventJson.serializer())
                .build();
        engine.ensureIndexes();

        // The queries ask of the first programme; the others are there as a store holds many programmes
        List<List<DomainEventMessage<?>>> programmes = new ArrayList<>();
        SampleHistory history = null;
        for (int p = 0; p < programmeCount; p++) {
            int placesHere = places / programmeCount;
            SampleHistory generated = SampleHistory.generated(42 + p, p == 0 ? PROGRAMME : "programme" + p, placesHere,
                    events / programmeCount - placesHere - 1, Instant.parse("2023-01-01T00:00:00Z"));
            history = history == null ? generated : history;
            programmes.add(generated.messages());
        }
        List<DomainEventMessage<?>> messages = interleaved(programmes);
        long start = System.nanoTime();
        // Appended as the importer's batches are (one insert of one commit per aggregate run), so that a
        // history of a million events is set up in minutes; at most APPEND_BATCH, below a commit's limit.
        for (int from = 0; from < messages.size(); from += APPEND_BATCH) {
            engine.appendEvents(messages.subList(from, Math.min(messages.size(), from + APPEND_BATCH)));
        }
        double appendSeconds = seconds(start);
        int appended = messages.size();
        messages = null; // a million messages held on would crowd the rebuilds' memory
        programmes.clear();
        System.out.printf(Locale.ROOT, "history: %d events appended in %.1f s (%.0f events/s)%n", appended, appendSeconds,
                appended / appendSeconds);
        if (store.embeddedFile() != null) {
            try {
                long bytes = Files.size(store.embeddedFile());
                System.out.printf(Locale.ROOT, "store file: %.1f MB, %.0f bytes per event%n", bytes / 1e6, (double) bytes / appended);
            } catch (java.io.IOException e) {
                System.out.println("store file: size unknown (" + e.getMessage() + ")");
            }
        }
        System.out.println();

        List<Projection> projections = List.of(new JourneyProjection(), new ProgrammeTimelineProjection(),
                new LearningFlowProjection(), new SearchProjection()).stream().filter(p -> views.contains(p.name())).toList();
        Map<String, MongoCollection<Document>> readers = new LinkedHashMap<>();
        for (Projection projection : projections) {
            readers.put(projection.name(), store.database().getCollection("bench_" + projection.name().replace('-', '_')));
        }
        // Rounds, as a server rebuilds: the first round of a fresh JVM also compiles the code it runs
        // (the JIT's compiler threads took a fifth of the two cores, 11.5 CPU seconds in 30, in a first rebuild of the journey).
        // The median round is the figure; the last round's generations are the ones measured after.
        if (warmUpEvents > 0) {
            warmUp(engine, projections, store, warmUpEvents);
        }
        List<RebuildRound> rounds = new ArrayList<>();
        for (int round = 1; round <= rebuildRounds; round++) {
            RebuildRound done = rebuildRound(engine, projections, readers, round > 1);
            rounds.add(done);
            if (rebuildRounds > 1) {
                System.out.printf(Locale.ROOT, "rebuild round %d of %d: %.1f s (%s)%n", round, rebuildRounds, done.total(),
                        String.join(", ", done.seconds().entrySet().stream()
                                .map(entry -> String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue())).toList()));
            }
        }
        RebuildRound median = median(rounds, RebuildRound::total);
        Map<String, Double> seconds = median.seconds();
        Map<String, BufferedDocuments.Sent> sent = median.sent();
        double rebuild = median.total();
        long documents = sent.values().stream().mapToLong(BufferedDocuments.Sent::inserts).sum();
        // the issue's limits: 20 s for all four views from 100,000 events, 4 minutes from 1,000,000
        double rebuildLimit = events <= 100_000 ? 20 : 240 * events / 1_000_000.0;
        seconds.forEach((what, taken) -> System.out.printf(Locale.ROOT, "rebuild, %-18s | %7.1f s | %8.0f events/s%n", what, taken,
                events / taken));
        System.out.printf(Locale.ROOT, "rebuild, %-18s | %7.1f s | %8.0f events/s (limit %.0f s for all four: %s); %d documents%n",
                "all " + sent.size() + " views", rebuild, events / rebuild, rebuildLimit,
                sent.size() < 4 ? "not judged, " + sent.size() + " of the four" : rebuild <= rebuildLimit ? "within" : "OVER", documents);
        // what the store was asked to do for those documents: a document written more than once costs a replacement each time
        sent.forEach((view, writes) -> System.out.printf(Locale.ROOT,
                "rebuild, %-18s | %d documents: %d inserts, %d replacements (%.2f writes a document), %.1f MB sent, %d let go and read back;"
                        + " the store's writes %.1f s, of which the applying waited %.1f s; %d of %d changed documents that went quiet came back%n", view,
                writes.inserts(), writes.inserts(), writes.replacements(),
                (writes.inserts() + writes.replacements()) / (double) Math.max(1, writes.inserts()), writes.bytes() / 1e6, writes.readBack(),
                writes.writingSeconds(), writes.waitedSeconds(), writes.cameBack(), writes.wentQuiet()));
        // what the two cores did meanwhile: the collector's concurrent threads are in no bean of the JVM's
        median.cpu().forEach((view, line) -> {
            if (!line.isEmpty()) {
                System.out.printf(Locale.ROOT, "rebuild, %-18s | %s (the wall clock %.1f s, %d cores)%n", view, line, seconds.get(view),
                        Runtime.getRuntime().availableProcessors());
            }
        });
        // The documents are read back with one query per view, which the embedded server answers from a
        // list it builds in memory: at a million events (4.7 million documents) that ran the heap out, and
        // so did the journey's 915,180 alone.
        double bareInserts = documents <= BARE_INSERTS_UP_TO ? bareInserts(store, readers) : Double.NaN;
        if (Double.isNaN(bareInserts)) {
            System.out.printf(Locale.ROOT, "the bare driver inserting the same documents: not measured above %,d documents%n%n", BARE_INSERTS_UP_TO);
        } else {
            System.out.printf(Locale.ROOT, "the bare driver inserting the same %d documents (bulks of %d, not waiting for the journal, as the rebuild):"
                    + " %.1f s; the rebuild takes %.1f times as long%n%n", documents, BARE_INSERT_BULK, bareInserts, rebuild / bareInserts);
        }

        if (kinds) {
            readers.forEach(ViewBenchmark::printKinds);
        }
        System.out.println("view               | documents | live events/s (per-event writes)"
                + " | live events/s (batches of " + BATCH + ") | bare driver bulk writes of the same documents, events/s | ratio | KB written per event");
        for (Projection projection : projections) {
            MongoCollection<Document> live = store.database().getCollection("bench_live_" + projection.name().replace('-', '_'));
            List<org.learninglog.query.view.ViewEvent> first = firstEvents(engine, liveEvents);
            start = System.nanoTime();
            for (org.learninglog.query.view.ViewEvent event : first) {
                ViewUpdate write = new ViewUpdate(new DirectDocuments(live), event.position());
                projection.apply(event, write);
                write.commit();
            }
            double liveSeconds = seconds(start);
            // Rounds, each into emptied collections: 2,000 events' writes take the bare driver a fraction of
            // a second, so one round's ratio moved by 0.2 from run to run; the median round's is the figure.
            List<LiveRound> liveRounds = new ArrayList<>();
            for (int round = 1; round <= liveWarmUp + LIVE_ROUNDS; round++) {
                LiveRound done = liveRound(store, projection, first, round > 1);
                if (round > liveWarmUp) {
                    liveRounds.add(done);
                }
            }
            LiveRound middle = median(liveRounds, LiveRound::ratio);
            double batchedRate = middle.batchedRate();
            double rawRate = middle.rawRate();
            bytesWritten = middle.bytesWritten();
            System.out.printf(Locale.ROOT, "%-18s | %9d | %32.0f | %8.0f (limit 2,000) | %8.0f | %5.2f (limit 0.5) | %6.1f%n",
                    projection.name(), sent.get(projection.name()).inserts(), first.size() / liveSeconds,
                    batchedRate, rawRate, batchedRate / rawRate, bytesWritten / 1024.0 / first.size());
            System.out.printf(Locale.ROOT, "%-18s   ratios of the %d rounds (after %d not counted): %s; the median round's ms reading ahead / applying / writing: %.0f / %.0f / %.0f, the bare driver's %.0f%n",
                    "", LIVE_ROUNDS, liveWarmUp,
                    String.join(", ", liveRounds.stream().map(round -> String.format(Locale.ROOT, "%.2f", round.ratio())).toList()),
                    middle.readAheadMs(), middle.applyMs(), middle.writeMs(), middle.rawMs());
        }
        System.out.println();

        List<String> placeIds = new ArrayList<>();
        List<String> practiceIds = new ArrayList<>();
        List<String> adaptationIds = new ArrayList<>();
        List<String> insightNumbers = new ArrayList<>();
        for (SampleHistory.Event event : history.events()) {
            if (event.payload() instanceof org.learninglog.events.place.PlaceRegistered place) {
                placeIds.add(place.placeId());
            } else if (event.payload() instanceof PracticeAdopted adopted) {
                practiceIds.add(adopted.practiceId());
            } else if (event.payload() instanceof PracticeAdapted adapted) {
                adaptationIds.add(adapted.adaptationId());
            } else if (event.payload() instanceof org.learninglog.events.insight.InsightRecorded insight) {
                insightNumbers.add(insight.text().substring(insight.text().lastIndexOf('(') + 1, insight.text().lastIndexOf(')')));
            }
        }
        Instant middle = history.events().get(history.events().size() / 2).recordedAt();
        String principle = SampleHistory.PRINCIPLES.get(0);
        Random random = new Random(1);
        // The rebuilds above leave gigabytes of documents they held in memory in the old generation; left
        // there, G1's young collections during the reads took 80-115 ms each, every three seconds, until
        // a concurrent cycle freed them. A process serving reads holds no such thing: collect it first.
        System.gc();
        System.out.println("query (each on a fresh reader, by exact keys)         |  p50 ms           |  p99 ms           |  max ms | limits");
        others(readers, queries, placeIds, practiceIds, adaptationIds, middle, principle, random);
        if (readers.containsKey(SearchProjection.NAME)) {
            search(readers, queries, insightNumbers, random);
        }
    }

    private static void others(Map<String, MongoCollection<Document>> readers, int queries, List<String> placeIds,
                               List<String> practiceIds, List<String> adaptationIds, Instant middle, String principle,
                               Random random) {
        if (readers.containsKey(JourneyProjection.NAME)) {
            journey(readers, queries, placeIds, practiceIds, adaptationIds, middle, principle, random);
        }
        if (readers.containsKey(ProgrammeTimelineProjection.NAME)) {
            programme(readers, queries, placeIds, middle, principle, random);
        }
        if (readers.containsKey(LearningFlowProjection.NAME)) {
            measure("learning flow", Math.min(queries, 500), i -> FlowQueries.flow(fresh(readers, LearningFlowProjection.NAME), PROGRAMME, null));
        }
    }

    private static void journey(Map<String, MongoCollection<Document>> readers, int queries, List<String> placeIds,
                                List<String> practiceIds, List<String> adaptationIds, Instant middle, String principle,
                                Random random) {
        measure("place journey, page of 50 (timeline)", queries, i -> JourneyQueries.journey(
                fresh(readers, JourneyProjection.NAME), placeIds.get(random.nextInt(placeIds.size())), TimelineFilter.NONE, 0, 50));
        measure("place journey, by principle", queries, i -> JourneyQueries.journey(fresh(readers, JourneyProjection.NAME),
                placeIds.get(random.nextInt(placeIds.size())), filter(principle, null), 0, 50));
        measure("place journey, as of a date", queries, i -> JourneyQueries.journey(fresh(readers, JourneyProjection.NAME),
                placeIds.get(random.nextInt(placeIds.size())), TimelineFilter.NONE.asOf(middle), 0, 50));
        measure("practice history", queries, i -> PracticeQueries.history(fresh(readers, JourneyProjection.NAME),
                practiceIds.get(random.nextInt(practiceIds.size())), null));
        measure("decision audit", queries, i -> AuditQueries.audit(fresh(readers, JourneyProjection.NAME),
                adaptationIds.get(random.nextInt(adaptationIds.size())), null));
    }

    private static void programme(Map<String, MongoCollection<Document>> readers, int queries, List<String> placeIds,
                                  Instant middle, String principle, Random random) {
        long steps = PagedLog.count(fresh(readers, ProgrammeTimelineProjection.NAME).get(ProgrammeTimelineProjection.timelineKey(PROGRAMME)));
        measure("programme timeline, any page of 50", queries, i -> ProgrammeTimelineQueries.timeline(fresh(readers, ProgrammeTimelineProjection.NAME),
                PROGRAMME, TimelineFilter.NONE, random.nextInt((int) Math.max(1, steps / 50)), 50));
        measure("programme timeline, by principle, page 0", queries, i -> ProgrammeTimelineQueries.timeline(
                fresh(readers, ProgrammeTimelineProjection.NAME), PROGRAMME, filter(principle, null), 0, 50));
        measure("programme timeline, by place, page 0", queries, i -> ProgrammeTimelineQueries.timeline(
                fresh(readers, ProgrammeTimelineProjection.NAME), PROGRAMME,
                filter(null, placeIds.get(random.nextInt(placeIds.size()))), 0, 50));
        measure("replay: state after step k", queries, i -> ProgrammeTimelineQueries.step(fresh(readers, ProgrammeTimelineProjection.NAME),
                PROGRAMME, 1 + random.nextInt((int) steps)));
        measure("replay: jump to a date", queries, i -> ProgrammeTimelineQueries.stepAt(fresh(readers, ProgrammeTimelineProjection.NAME),
                PROGRAMME, middle));
        measure("counts by principle and theme per month", Math.min(queries, 500), i -> ProgrammeTimelineQueries.counts(
                fresh(readers, ProgrammeTimelineProjection.NAME), PROGRAMME, null));
        measure("counts, as known at the middle of the history", Math.min(queries, 500), i -> ProgrammeTimelineQueries.counts(
                fresh(readers, ProgrammeTimelineProjection.NAME), PROGRAMME, middle, null, org.learninglog.query.programme.ClockOrder.story));
    }

    /** A common term, a rare one, two that go together, a deep page, and two common terms never found together (the worst case). */
    private static void search(Map<String, MongoCollection<Document>> readers, int queries, List<String> insightNumbers,
                               Random random) {
        measure("search: common term (residents), page 0 of 50", queries, i -> SearchQueries.search(
                fresh(readers, SearchProjection.NAME), PROGRAMME, "residents", null, false, 0, 50));
        measure("search: common term, page 20 of 50", Math.min(queries, 500), i -> SearchQueries.search(
                fresh(readers, SearchProjection.NAME), PROGRAMME, "residents", null, false, 20, 50));
        measure("search: rare term (one insight's number)", queries, i -> SearchQueries.search(
                fresh(readers, SearchProjection.NAME), PROGRAMME, insightNumbers.get(random.nextInt(insightNumbers.size())),
                null, false, 0, 50));
        measure("search: two terms (school gate), page 0 of 50", queries, i -> SearchQueries.search(
                fresh(readers, SearchProjection.NAME), PROGRAMME, "school gate", null, false, 0, 50));
        measure("search: common + rare (residents <number>)", queries, i -> SearchQueries.search(
                fresh(readers, SearchProjection.NAME), PROGRAMME, "residents " + insightNumbers.get(random.nextInt(insightNumbers.size())),
                null, false, 0, 50));
        measure("search: two terms never together (youth residents)", Math.min(queries, 100), i -> SearchQueries.search(
                fresh(readers, SearchProjection.NAME), PROGRAMME, "youth residents", null, false, 0, 50));
        for (String q : List.of("residents", "school gate", "youth residents")) {
            SearchResults results = SearchQueries.search(fresh(readers, SearchProjection.NAME), PROGRAMME, q, null, false, 0, 50);
            System.out.printf(Locale.ROOT, "  \"%s\": %d hits shown, total %s%d%n", q, results.hits().size(),
                    results.totalExact() ? "" : "at least ", results.total());
        }
    }

    /** The programmes' histories taken a few events from each in turn, as programmes recording at once would store them. */
    private static List<DomainEventMessage<?>> interleaved(List<List<DomainEventMessage<?>>> programmes) {
        List<DomainEventMessage<?>> all = new ArrayList<>();
        int[] next = new int[programmes.size()];
        boolean more = true;
        while (more) {
            more = false;
            for (int p = 0; p < programmes.size(); p++) {
                List<DomainEventMessage<?>> programme = programmes.get(p);
                int until = Math.min(programme.size(), next[p] + 25);
                all.addAll(programme.subList(next[p], until));
                next[p] = until;
                more |= until < programme.size();
            }
        }
        return all;
    }

    private static TimelineFilter filter(String principle, String placeId) {
        return new TimelineFilter(null, null, principle, null, null, null, null, null, placeId, null);
    }

    /** A reader per query, as a request has: it caches nothing from the query before. */
    private static ViewReader fresh(Map<String, MongoCollection<Document>> collections, String view) {
        return new ViewReader(collections.get(view));
    }

    /** Copies of {@code documents}, decoded as a read would give them. */
    private static List<Document> copies(List<Document> documents, MongoCollection<Document> collection) {
        org.bson.codecs.Codec<Document> codec = collection.getCodecRegistry().get(Document.class);
        return documents.stream().map(document -> {
            org.bson.RawBsonDocument raw = new org.bson.RawBsonDocument(document, codec);
            bytesWritten += raw.getByteBuffer().remaining();
            return raw.decode(codec);
        }).toList();
    }

    /** One live round of a view: its rate in batches, the bare driver's writing the same documents, and the bytes written. */
    private record LiveRound(double batchedRate, double rawRate, long bytesWritten, double readAheadMs, double applyMs,
                             double writeMs, double rawMs) {

        double ratio() {
            return batchedRate / rawRate;
        }
    }

    /**
     * {@code first} applied as the processor does, a batch of {@value #BATCH} at a time, then the bare driver
     * writing the very documents each batch wrote, with the same ordered bulk. {@code again}: a round before
     * filled the collections.
     */
    private static LiveRound liveRound(MongoStore store, Projection projection, List<org.learninglog.query.view.ViewEvent> first,
                                       boolean again) {
        MongoCollection<Document> batched = store.database().getCollection("bench_batched_" + projection.name().replace('-', '_'));
        MongoCollection<Document> raw = store.database().getCollection("bench_raw_" + projection.name().replace('-', '_'));
        if (again) {
            batched.drop();
            raw.drop();
        }
        bytesWritten = 0;
        long readNanos = 0;
        long applyNanos = 0;
        long writeNanos = 0;
        double rawSeconds = 0;
        int batches = 0;
        for (int from = 0; from < first.size(); from += BATCH) {
            long start = System.nanoTime();
            ViewBatch batch = new ViewBatch(projection, batched, direct);
            List<org.learninglog.query.view.ViewEvent> delivered = first.subList(from, Math.min(first.size(), from + BATCH));
            if (readAhead) {
                batch.readAhead(delivered);
            }
            long read = System.nanoTime();
            readNanos += read - start;
            delivered.forEach(batch::apply);
            applyNanos += System.nanoTime() - read;
            List<Document> same = copies(batch.pendingWrites(), batched); // not timed: the bare driver writes these
            // The two writes of a batch side by side, each first every other batch: the store's commit
            // (once a second) and the collector fall on either alike. Written all of the view's batches
            // first and the bare driver's after, the two writes of the same documents took from 0.85 to
            // 1.9 times as long as each other (docs/benchmarks.md).
            boolean bareFirst = batches++ % 2 == 1;
            if (bareFirst) {
                rawSeconds += bareBulkWrite(raw, same);
            }
            start = System.nanoTime();
            batch.write();
            writeNanos += System.nanoTime() - start;
            if (!bareFirst) {
                rawSeconds += bareBulkWrite(raw, same);
            }
        }
        double batchedSeconds = (readNanos + applyNanos + writeNanos) / 1e9;
        return new LiveRound(first.size() / batchedSeconds, first.size() / rawSeconds, bytesWritten,
                readNanos / 1e6, applyNanos / 1e6, writeNanos / 1e6, rawSeconds * 1e3);
    }

    /** The round in the middle by {@code figure} (the lower middle of an even count). */
    private static <T> T median(List<T> rounds, java.util.function.ToDoubleFunction<T> figure) {
        return rounds.stream().sorted(java.util.Comparator.comparingDouble(figure)).toList().get((rounds.size() - 1) / 2);
    }

    /**
     * One rebuild of the views: the seconds taken (per view, or in one pass), and what each view sent
     * the store (a new generation inserts each of its documents once: its inserts are its documents),
     * and what the process's threads took of the cores meanwhile ({@link ThreadCpu}).
     */
    private record RebuildRound(Map<String, Double> seconds, Map<String, BufferedDocuments.Sent> sent, Map<String, String> cpu) {

        double total() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * The rebuild's own code into emptied collections: a view at a time, as POST /api/admin/views/{view}/rebuild
     * and POST /api/admin/views/rebuild run it, or (--one-pass=true) every view in one pass over the events, as
     * the rebuild of every view ran before. Each view's generation is let go once it is built: a million events'
     * documents held for the views after it ran the heap out. The one pass holds them all. {@code built}:
     * an earlier round filled the collections.
     */
    private static RebuildRound rebuildRound(PositionedEventStorageEngine engine, List<Projection> projections,
                                             Map<String, MongoCollection<Document>> readers, boolean built) {
        Map<String, BufferedDocuments.Sent> sent = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, String> cpu = new LinkedHashMap<>();
        List<GenerationBuilder.Fill> fills = new ArrayList<>();
        List<FreshGenerationDocuments> together = new ArrayList<>();
        for (Projection projection : projections) {
            MongoCollection<Document> collection = readers.get(projection.name());
            if (built) {
                collection.drop(); // the round before filled it (dropping a collection never made is an error the server logs)
            }
            FreshGenerationDocuments generation = new FreshGenerationDocuments(collection,
                    GenerationBuilder.documentsHeld(onePass ? projections.size() : 1), direct);
            if (onePass) {
                fills.add(GenerationBuilder.Fill.of(projection, generation));
                together.add(generation);
            } else {
                long start = System.nanoTime();
                ThreadCpu before = ThreadCpu.now();
                new GenerationBuilder(engine, projection, generation).applyUntil(0, engine::headPosition, position -> { });
                seconds.put(projection.name(), seconds(start));
                cpu.put(projection.name(), ThreadCpu.now().since(before));
                sent.put(projection.name(), generation.sent());
            }
        }
        if (onePass) {
            long start = System.nanoTime();
            ThreadCpu before = ThreadCpu.now();
            new GenerationBuilder(engine, fills).applyUntil(0, engine::headPosition, position -> { });
            seconds.put("in one pass", seconds(start));
            cpu.put("in one pass", ThreadCpu.now().since(before));
            for (int i = 0; i < projections.size(); i++) {
                sent.put(projections.get(i).name(), together.get(i).sent());
            }
        }
        return new RebuildRound(seconds, sent, cpu);
    }

    /**
     * Rebuilds each view from the first {@code events} events into a collection of its own, dropped
     * after, not counted: one round at a million takes a quarter of an hour, so it is not the median of
     * rounds, but a server that rebuilds has run that code before, and a fresh JVM's first rebuild also
     * compiles it (the JIT's threads took 14.8 CPU seconds of the journey's first rebuild at a million).
     */
    private static void warmUp(PositionedEventStorageEngine engine, List<Projection> projections, MongoStore store, long events) {
        long start = System.nanoTime();
        for (Projection projection : projections) {
            MongoCollection<Document> collection = store.database().getCollection("warm_" + projection.name().replace('-', '_'));
            FreshGenerationDocuments generation = new FreshGenerationDocuments(collection, GenerationBuilder.documentsHeld(1), direct);
            new GenerationBuilder(engine, projection, generation).applyUntil(0, () -> Math.min(events, engine.headPosition()), position -> { });
            collection.drop();
        }
        System.out.printf(Locale.ROOT, "warm-up, not counted: each view rebuilt from the first %d events (%.1f s)%n", events, seconds(start));
    }

    /**
     * A view's documents by kind ({@code --kinds=true}): each id with its uuids written
     * {@code <uuid>} and its numbers {@code #}, counted with their bytes, most bytes first. Which documents a rebuild writes.
     */
    private static void printKinds(String view, MongoCollection<Document> collection) {
        Map<String, long[]> kinds = new java.util.HashMap<>();
        for (org.bson.RawBsonDocument document : collection.withDocumentClass(org.bson.RawBsonDocument.class).find().batchSize(1_000)) {
            String id = String.valueOf(document.get("_id").isString() ? document.getString("_id").getValue() : document.get("_id"));
            String kind = id.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>").replaceAll("[0-9]+", "#");
            long[] tally = kinds.computeIfAbsent(kind, k -> new long[2]);
            tally[0]++;
            tally[1] += document.getByteBuffer().remaining();
        }
        kinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(20)
                .forEach(entry -> System.out.printf(Locale.ROOT, "documents of %-18s | %-40s | %9d | %8.1f MB%n", view,
                        entry.getKey(), entry.getValue()[0], entry.getValue()[1] / 1e6));
    }

    /**
     * The time the bare driver takes to insert the documents the rebuild wrote, as the rebuild does
     * (bulks of {@value #BARE_INSERT_BULK}, not waiting for the journal): the store's own part of a
     * rebuild, the floor under it. The documents are read back a bulk at a time, untimed.
     */
    private static double bareInserts(MongoStore store, Map<String, MongoCollection<Document>> generations) {
        long nanos = 0;
        for (Map.Entry<String, MongoCollection<Document>> generation : generations.entrySet()) {
            MongoCollection<org.bson.RawBsonDocument> copy = store.database()
                    .getCollection("bench_bare_" + generation.getKey().replace('-', '_'), org.bson.RawBsonDocument.class)
                    .withWriteConcern(com.mongodb.WriteConcern.W1.withJournal(false));
            List<com.mongodb.client.model.WriteModel<org.bson.RawBsonDocument>> bulk = new ArrayList<>();
            for (org.bson.RawBsonDocument document : generation.getValue().withDocumentClass(org.bson.RawBsonDocument.class)
                    .find().batchSize(BARE_INSERT_BULK)) {
                bulk.add(new com.mongodb.client.model.InsertOneModel<>(document));
                if (bulk.size() == BARE_INSERT_BULK) {
                    nanos += timedBulk(copy, bulk);
                    bulk = new ArrayList<>();
                }
            }
            if (!bulk.isEmpty()) {
                nanos += timedBulk(copy, bulk);
            }
            copy.drop();
        }
        return nanos / 1e9;
    }

    private static long timedBulk(MongoCollection<org.bson.RawBsonDocument> collection,
                                  List<com.mongodb.client.model.WriteModel<org.bson.RawBsonDocument>> bulk) {
        long start = System.nanoTime();
        collection.bulkWrite(bulk, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        return System.nanoTime() - start;
    }

    /** Seconds the bare driver takes to write a batch's documents with one ordered bulk of upserts by {@code _id}, as the view does. */
    private static double bareBulkWrite(MongoCollection<Document> collection, List<Document> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        com.mongodb.client.model.ReplaceOptions upsert = new com.mongodb.client.model.ReplaceOptions().upsert(true);
        long start = System.nanoTime();
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>();
        for (Document document : batch) {
            writes.add(new com.mongodb.client.model.ReplaceOneModel<>(com.mongodb.client.model.Filters.eq("_id", document.get("_id")),
                    document, upsert));
        }
        collection.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(true));
        return seconds(start);
    }

    private static List<org.learninglog.query.view.ViewEvent> firstEvents(PositionedEventStorageEngine engine, int count) {
        try (var stream = engine.readEvents(new org.axonframework.eventhandling.GlobalSequenceTrackingToken(0), false)) {
            return stream.limit(count).map(m -> new org.learninglog.query.view.ViewEvent(
                    PositionedEventStorageEngine.positionOf(m.trackingToken()), m.getIdentifier(), m.getTimestamp(),
                    m.getPayload())).toList();
        }
    }

    private static void measure(String label, int count, IntFunction<Object> query) {
        for (int i = 0; i < Math.min(100, count); i++) {
            query.apply(i); // warm up
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            query.apply(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p50 = nanos[count / 2] / 1e6;
        double p99 = nanos[(int) Math.min(count - 1, Math.ceil(count * 0.99) - 1)] / 1e6;
        // the issue's limits: p99 50 ms for every read, p50 10 ms for the programme timeline and replay steps
        boolean stepped = label.startsWith("programme timeline") || label.startsWith("replay");
        String p50Limit = stepped ? String.format(Locale.ROOT, "%7.2f (limit 10)", p50) : String.format(Locale.ROOT, "%7.2f           ", p50);
        System.out.printf(Locale.ROOT, "%-53s | %s | %7.2f (limit 50) | %7.2f | %s%n", label, p50Limit, p99, nanos[count - 1] / 1e6,
                p99 <= 50 && (!stepped || p50 <= 10) ? "within" : "OVER");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String text(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    private static int argument(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 3));
            }
        }
        return fallback;
    }
}
