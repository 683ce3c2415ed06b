package org.learninglog.store.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server, committing its MVStore after every command.
 *
 * <p>By default the MVStore commits once a second in the background, so a write the driver saw
 * acknowledged could be lost to {@code kill -9}. Committing before the reply is sent means an
 * acknowledged write is in the file (the operating system's cache survives a killed process).
 * A commit without changes is a no-op, so reads cost nothing extra.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
        }
    }
}
