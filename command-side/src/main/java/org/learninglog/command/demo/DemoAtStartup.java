package org.learninglog.command.demo;

import org.axonframework.config.EventProcessingConfiguration;
import org.learninglog.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the demo programme at startup when {@code learninglog.demo} asks for it: {@code load}
 * or {@code auto} load it into an empty store (one that holds no event yet), or complete a load
 * that was interrupted (by a crash, a full disk); {@code off} (the default of the command side
 * alone) never does. The launcher defaults to {@code auto}. The process's view processors stand
 * aside while it loads ({@link ProcessorsAside}); the launcher prints its URL only after this runner.
 */
@Component
class DemoAtStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAtStartup.class);

    private final DemoProgramme demo;
    private final MongoStore store;
    private final String setting;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    DemoAtStartup(DemoProgramme demo, MongoStore store, @Value("${learninglog.demo:off}") String setting,
                  ObjectProvider<EventProcessingConfiguration> processing) {
        this.demo = demo;
        this.store = store;
        this.setting = setting;
        this.processing = processing;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!setting.equals("load") && !setting.equals("auto")) {
            return;
        }
        if (demo.isComplete()) {
            log.info("Demo programme not loaded: it is there already (learninglog.demo={})", setting);
            return;
        }
        boolean resuming = demo.isStarted();
        if (!resuming && !storeIsEmpty()) {
            log.info("Demo programme not loaded: the store already holds events (learninglog.demo={})", setting);
            return;
        }
        long started = System.nanoTime();
        Map<String, Integer> events;
        ProcessorsAside aside = ProcessorsAside.setAside(processing.getIfAvailable());
        try {
            events = demo.load();
        } finally {
            aside.restart();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Duration views = aside.awaitCaughtUp();
        int total = events.values().stream().mapToInt(Integer::intValue).sum();
        // Only counts by event type: nothing personal goes to the log.
        String in = " in " + seconds(took) + " s: ";
        System.out.println((resuming ? "Completed the demo programme '" + demo.programmeId()
                + "', whose loading had been interrupted," + in : "Loaded the demo programme '"
                + demo.programmeId() + "' into the empty store" + in)
                + total + " events " + events + "; the views caught up in " + seconds(views)
                + " s (start with --learninglog.demo=off to skip this)");
    }

    private static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0);
    }

    /** The events collection of our storage engine is empty: nothing was ever recorded here. */
    private boolean storeIsEmpty() {
        return store.database().getCollection("events").find().limit(1).first() == null;
    }
}
