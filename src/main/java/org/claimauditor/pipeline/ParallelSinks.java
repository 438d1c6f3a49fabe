package org.claimauditor.pipeline;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.pipeline.sink.ResultSink;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feeds several sinks at once, each on its own thread: the reports and the results file cost about the same per
 * claim, so on two cores writing them side by side halves the write pass. Pairs go to every sink in batches through
 * small bounded queues (memory holds a few batches, whatever the run's size), in input order; the first sink failure
 * stops the pass and is thrown by the next {@link #accept} or by {@link #finish}.
 */
final class ParallelSinks implements AutoCloseable {

    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 8;
    private static final List<Pair> END = List.of();

    private record Pair(ClaimInput input, AuditResult result) { }

    private final List<Worker> workers = new ArrayList<>();
    private List<Pair> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;

    ParallelSinks(List<ResultSink> sinks) {
        for (ResultSink sink : sinks) {
            Worker w = new Worker(sink);
            workers.add(w);
            w.thread.start();
        }
    }

    void accept(ClaimInput input, AuditResult result) throws IOException {
        batch.add(new Pair(input, result));
        if (batch.size() == BATCH) {
            send(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until every sink has written every pair; throws the first failure of any sink. */
    void finish() throws IOException {
        if (!batch.isEmpty()) {
            send(batch);
            batch = new ArrayList<>(0);
        }
        send(END);
        for (Worker w : workers) {
            try {
                w.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the results were written");
            }
        }
        rethrow();
    }

    private void send(List<Pair> items) throws IOException {
        rethrow();
        for (Worker w : workers) {
            try {
                // a failed worker takes no more: do not wait for room in its queue
                while (!w.queue.offer(items, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the results were written");
            }
        }
    }

    private void rethrow() throws IOException {
        Handoff.rethrow(failure);
    }

    /** Stops the sink threads (after a failure elsewhere); the sinks themselves are closed by their owner. */
    @Override
    public void close() {
        for (Worker w : workers) {
            w.thread.interrupt();
        }
    }

    private final class Worker {
        final BlockingQueue<List<Pair>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        final Thread thread;

        Worker(ResultSink sink) {
            thread = new Thread(() -> {
                try {
                    for (List<Pair> items = queue.take(); items != END; items = queue.take()) {
                        for (Pair p : items) {
                            sink.accept(p.input(), p.result());
                        }
                    }
                } catch (InterruptedException e) {
                    // the run was stopped
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                }
            }, "write " + sink.getClass().getSimpleName());
            thread.setDaemon(true);
            thread.setContextClassLoader(ParallelSinks.class.getClassLoader());
        }
    }
}
