package org.learninglog.launcher.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Clients writing all along, each write a new programme; every attempt and its answer is kept. */
final class Writers implements AutoCloseable {

    /** @param sentAt System.nanoTime() when the request left */
    record Attempt(String id, long sentAt, Client.Answer answer) {
    }

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    Writers(Client client, String prefix, int count) {
        for (int w = 0; w < count; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int n = 0; running.get(); n++) {
                    String id = prefix + "-" + writer + "-" + n;
                    long sentAt = System.nanoTime();
                    attempts.add(new Attempt(id, sentAt, client.registerProgramme(id)));
                    ChildJvm.sleep(100);
                }
            }, "writer-" + w);
            thread.start();
            threads.add(thread);
        }
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    List<String> acknowledged() {
        return attempts.stream().filter(a -> a.answer().status() == 201).map(Attempt::id).toList();
    }

    /** The attempts sent after {@code nanoTime}. */
    List<Attempt> sentAfter(long nanoTime) {
        return attempts.stream().filter(a -> a.sentAt() > nanoTime).toList();
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
