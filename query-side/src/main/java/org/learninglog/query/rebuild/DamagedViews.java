package org.learninglog.query.rebuild;

import com.mongodb.MongoServerException;
import org.bson.Document;
import org.learninglog.query.view.ViewGenerations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A view is derived from the events, so a view whose stored documents can no longer be read (a
 * damaged page of the embedded store's file, which lets the start go on for anything but the
 * events) is rebuilt from them rather than served in part. Once the application is ready, every
 * view's live documents are read through in the background; a view that fails is rebuilt into a
 * new generation (see {@link ViewRebuilds}), which then serves in its place.
 */
@Component
class DamagedViews {

    private static final Logger LOG = LoggerFactory.getLogger(DamagedViews.class);

    private final ViewRebuilds rebuilds;
    private final ViewGenerations generations;

    DamagedViews(ViewRebuilds rebuilds, ViewGenerations generations) {
        this.rebuilds = rebuilds;
        this.generations = generations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkInTheBackground() {
        Thread check = new Thread(this::rebuildWhatCannotBeRead, "damaged-views");
        check.setDaemon(true);
        check.start();
    }

    /** Reads every view through; returns the views it found damaged and started rebuilding. */
    List<String> rebuildWhatCannotBeRead() {
        List<String> damaged = new ArrayList<>();
        for (String view : rebuilds.views()) {
            try {
                for (Document ignored : generations.liveCollection(view).find()) {
                    // reading is the check: a page that does not decode fails here
                }
            } catch (MongoServerException e) {
                LOG.warn("The view {} cannot be read ({}); rebuilding it from the events", view, e.getMessage());
                damaged.add(view);
                try {
                    rebuilds.start(view);
                } catch (RuntimeException failed) {
                    LOG.warn("Could not start rebuilding the view {}: {}", view, failed.toString());
                }
            } catch (RuntimeException e) {
                LOG.info("The views' check stopped at {}: {}", view, e.toString());
                return damaged;
            }
        }
        return damaged;
    }
}
