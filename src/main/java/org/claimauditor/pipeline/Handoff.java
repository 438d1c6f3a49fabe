package org.claimauditor.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two halves of a serial pass on two threads: the producer (parsing) runs on its own thread and hands items in
 * batches through a small bounded queue to the consumer (writing) on the caller's thread, so both cores work during
 * the group pass while memory holds at most a few batches. (The write pass reads on the caller's thread and writes
 * through {@link ParallelSinks}.)
 */
final class Handoff {

    static final int BATCH = 256;
    static final int BATCHES = 8;

    /** Pushes items; throws to abort the pass. */
    @FunctionalInterface
    interface Producer<T> {
        void produce(Out<T> out) throws IOException;
    }

    @FunctionalInterface
    interface Consumer<T> {
        void accept(T item) throws IOException;
    }

    /** Where the producer puts its items. */
    interface Out<T> {
        void put(T item) throws IOException;
    }

    private static final List<Object> END = List.of();

    private Handoff() { }

    static <T> void run(String name, Producer<T> producer, Consumer<T> consumer) throws IOException {
        BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES);
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            List<Object> batch = new ArrayList<>(BATCH);
            try {
                producer.produce(item -> {
                    batch.add(item);
                    if (batch.size() == BATCH) {
                        put(queue, new ArrayList<>(batch));
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) {
                    put(queue, new ArrayList<>(batch));
                }
            } catch (Throwable t) {
                failure[0] = t;
                queue.clear(); // the rest is not wanted, and END must find room
            } finally {
                try {
                    put(queue, END);
                } catch (IOException interrupted) {
                    // the consumer has stopped and interrupted us; it will not wait for END
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(Handoff.class.getClassLoader());
        thread.start();
        boolean done = false;
        try {
            while (true) {
                List<Object> batch = queue.take();
                if (batch == END) {
                    break;
                }
                for (Object item : batch) {
                    @SuppressWarnings("unchecked")
                    T t = (T) item;
                    consumer.accept(t);
                }
            }
            thread.join();
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (!done) {
                thread.interrupt();
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        rethrow(failure[0]);
    }

    private static void put(BlockingQueue<List<Object>> queue, List<Object> batch) throws IOException {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Throws what a pass on another thread failed with, unwrapped to the IOException it stood for; null: nothing. */
    static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
