package org.learninglog.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.learninglog.query.NotFoundException;
import org.learninglog.query.processing.ViewSwitches;
import org.learninglog.query.view.FreshGenerationDocuments;
import org.learninglog.query.view.ViewProcessor;
import org.learninglog.query.view.ViewGenerations;
import org.learninglog.store.EncodedDocuments;
import org.learninglog.store.MongoStore;
import org.learninglog.store.engine.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds a view from the events without taking it down.
 *
 * <ol>
 *   <li>The events from the first to the head are applied to the <em>next</em> generation's
 *       collection, in memory and written in bulk, while the live generation goes on serving and
 *       its processor goes on updating it.</li>
 *   <li>The view's processor is stopped for the switch only, in every query-side process: this
 *       one stops its own and claims every segment's token, the others let go of theirs while
 *       the switch is noted ({@link ViewSwitches}). The new generation catches up to the furthest
 *       segment's token, the pointer flips to it, and the segments resume from their tokens, now
 *       writing into the new generation (each process's processor reads the pointer once a batch).
 *       Events the new generation already holds are ones each document skips (see
 *       {@link org.learninglog.query.view.ViewUpdate}).</li>
 *   <li>The old generation is dropped a little later, once reads that began on it are done.</li>
 * </ol>
 * Every view can be rebuilt at once ({@link #startAll}): each is filled and switched in turn, one
 * view after the other.
 * A failed rebuild leaves the live generation as it was.
 */
@Service
public class ViewRebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ViewRebuilds.class);
    private static final Duration OLD_GENERATION_GRACE = Duration.ofSeconds(5);
    /** How long the switch waits for the other query-side processes to let go of the view's segments. */
    private static final Duration SEGMENTS_PATIENCE = Duration.ofSeconds(30);

    private final Map<String, ViewProcessor> views;
    private final ViewGenerations generations;
    private final EventLog engine;
    private final EventProcessingConfiguration processing;
    private final ViewSwitches switches;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, RebuildProgress> progress = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /** Writes without the wire on the embedded store of this process; {@code null} on any other. */
    private final EncodedDocuments direct;

    public ViewRebuilds(List<ViewProcessor> views, ViewGenerations generations, EventLog engine,
                        EventProcessingConfiguration processing, ViewSwitches switches, MongoStore store) {
        this.direct = store.encodedDocuments();
        this.views = views.stream().collect(Collectors.toMap(v -> v.projection().name(), Function.identity()));
        this.generations = generations;
        this.engine = engine;
        this.processing = processing;
        this.switches = switches;
    }

    /** The names of the views that can be rebuilt. */
    public List<String> views() {
        return views.keySet().stream().sorted().toList();
    }

    /** Starts a rebuild of {@code view} in the background and returns its first progress. */
    public RebuildProgress start(String view) {
        return start(List.of(view)).get(0);
    }

    /**
     * Starts rebuilding every view in the background, one after the other, and returns their first
     * progress (those waiting their turn at position 0); refused while one of them is being rebuilt.
     */
    public List<RebuildProgress> startAll() {
        return start(views());
    }

    private synchronized List<RebuildProgress> start(List<String> names) {
        List<ViewProcessor> processors = names.stream().map(this::view).toList();
        for (String view : names) {
            RebuildProgress current = progress.get(view);
            if (current != null && !current.finished()) {
                throw new RebuildAlreadyRunning(view);
            }
        }
        Instant startedAt = clock.instant();
        long total = engine.headPosition();
        Map<ViewProcessor, Integer> from = new java.util.LinkedHashMap<>();
        List<RebuildProgress> first = new ArrayList<>();
        for (ViewProcessor events : processors) {
            String view = events.projection().name();
            int live = generations.live(view);
            from.put(events, live);
            RebuildProgress started = new RebuildProgress(view, RebuildProgress.State.RUNNING, live, live + 1, 0,
                    total, 0, 0, null, startedAt, null, null);
            progress.put(view, started);
            first.add(started);
        }
        worker.execute(() -> run(from, startedAt));
        return first;
    }

    /** The progress of the latest rebuild of {@code view}, if there was one. */
    public Optional<RebuildProgress> progress(String view) {
        view(view);
        return Optional.ofNullable(progress.get(view));
    }

    private ViewProcessor view(String view) {
        ViewProcessor events = views.get(view);
        if (events == null) {
            throw new NotFoundException("view", "No view is called '" + view + "'; there are " + views());
        }
        return events;
    }

    /**
     * Fills each view's next generation and switches it, one view after the other: each view then has
     * the memory for documents to itself. Filled together in one pass over the events (each event read
     * once), the four views took 390.6 s at a million events against 240.5 one after the other: they
     * shared a quarter of the heap, let go of half a million documents and read them back, and wrote
     * the journey's and search's 1.3 times each instead of 1.07 (see docs/benchmarks.md).
     */
    private void run(Map<ViewProcessor, Integer> from, Instant startedAt) {
        for (Map.Entry<ViewProcessor, Integer> view : from.entrySet()) {
            String name = view.getKey().projection().name();
            int live = view.getValue();
            try {
                generations.drop(name, live + 1); // what a failed earlier attempt left
                FreshGenerationDocuments documents = new FreshGenerationDocuments(generations.collection(name, live + 1),
                        GenerationBuilder.documentsHeld(1), direct);
                GenerationBuilder builder = new GenerationBuilder(engine, view.getKey(), documents);
                long position = builder.applyUntil(0, engine::headPosition,
                        at -> report(name, RebuildProgress.State.RUNNING, live, live + 1, at, startedAt, null));
                switchTo(view.getKey(), live, builder, position, startedAt);
            } catch (RuntimeException e) {
                failed(name, live, startedAt, e);
            }
        }
    }

    /** Stops the view's processor everywhere, catches its new generation up to the furthest segment and flips the pointer to it. */
    private void switchTo(ViewProcessor events, int from, GenerationBuilder builder, long filledTo, Instant startedAt) {
        String view = events.projection().name();
        int to = from + 1;
        long position = filledTo;
        report(view, RebuildProgress.State.SWITCHING, from, to, position, startedAt, null);
        TrackingEventProcessor processor = processing.eventProcessor(view, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor for " + view));
        if (!switches.begin(view)) {
            throw new IllegalStateException("Another query-side process is switching view " + view + " now");
        }
        processor.shutDown();
        try {
            // every segment, whichever process held it, stands still at its token until the flip
            ViewSwitches.Claimed segments = switches.claimAll(view, SEGMENTS_PATIENCE);
            try {
                // segments behind the furthest one meet events the new generation has: each document skips them
                long processed = segments.furthestPosition();
                position = builder.applyUntil(position, () -> processed, at -> { });
                generations.flip(view, to);
                events.switchTo(to);
            } finally {
                segments.release();
            }
        } finally {
            switches.end(view);
            processor.start();
        }
        worker.schedule(() -> generations.drop(view, from),
                OLD_GENERATION_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        report(view, RebuildProgress.State.DONE, from, to, position, startedAt, null);
        LOG.info("View {} rebuilt into generation {} up to position {}", view, to, position);
    }

    private void failed(String view, int from, Instant startedAt, RuntimeException e) {
        LOG.error("The rebuild of view {} failed; generation {} keeps serving", view, from, e);
        RebuildProgress last = progress.get(view);
        report(view, RebuildProgress.State.FAILED, from, from + 1, last == null ? 0 : last.position(), startedAt,
                String.valueOf(e.getMessage()));
    }

    private void report(String view, RebuildProgress.State state, int from, int to, long position, Instant startedAt, String error) {
        long total = Math.max(engine.headPosition(), position);
        Instant now = clock.instant();
        double seconds = Math.max(0.001, Duration.between(startedAt, now).toNanos() / 1e9);
        double rate = position / seconds;
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * position / total);
        if (state == RebuildProgress.State.DONE) {
            percent = 100.0;
        }
        Double left = state == RebuildProgress.State.DONE ? Double.valueOf(0) : rate > 0 ? (total - position) / rate : null;
        progress.put(view, new RebuildProgress(view, state, from, to, position, total, round(percent), round(rate),
                left == null ? null : round(left), startedAt, state == RebuildProgress.State.DONE
                || state == RebuildProgress.State.FAILED ? now : null, error));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
