package org.learninglog.launcher;

import org.learninglog.store.MongoStore;
import org.learninglog.store.StoreMode;
import org.learninglog.store.config.StoreProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the application where to find it, once it is ready. */
@Component
class RunningNotice {

    private final MongoStore store;
    private final StoreProperties storeProperties;

    RunningNotice(MongoStore store, StoreProperties storeProperties) {
        this.store = store;
        this.storeProperties = storeProperties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        // The URI is not printed: it may hold credentials.
        String where = store.mode() == StoreMode.EMBEDDED
                ? "embedded store in " + storeProperties.dataDir().toAbsolutePath().normalize()
                : "MongoDB given by learninglog.store.uri / MONGODB_URI";
        System.out.println();
        System.out.println("Learning Log is running: open http://localhost:" + web.getWebServer().getPort() + "/  (" + where + ")");
        System.out.println();
    }
}
