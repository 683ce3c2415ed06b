package org.learninglog.launcher;

import org.learninglog.store.EmbeddedServer;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded store on its own: {@code java -jar launcher.jar serve-store [--port P] [--data DIR]}
 * runs just the MongoDB-wire server on 127.0.0.1 (port 27017 and {@code ./data} unless given),
 * so that the applications can reach it with {@code MONGODB_URI} and it can be stopped and
 * started apart from them (how the store outage is tested). It stops on SIGTERM or Ctrl-C,
 * closing its file; a {@code kill -9} loses nothing acknowledged (see {@code DurableH2Backend}).
 */
final class ServeStore {

    private ServeStore() {
    }

    static int run(String[] args) {
        int port = 27017;
        Path data = Path.of("data");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(valueAfter(args, i++));
                case "--data" -> data = Path.of(valueAfter(args, i++));
                default -> throw new IllegalArgumentException("serve-store takes --port P and --data DIR, not " + args[i]);
            }
        }
        EmbeddedServer store = EmbeddedServer.start(data, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "serve-store-shutdown"));
        // The line a script (or a test) waits for; MONGODB_URI is this plus the database's name.
        System.out.println("Serving the store at " + store.uri() + " from " + data.toAbsolutePath());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }
}
