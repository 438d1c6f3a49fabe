package org.claimauditor.pipeline;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.pipeline.group.PatientPartitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Reads the non-empty partitions one ahead on a thread of its own, so parsing overlaps the audit of the last one. */
final class Prefetch implements AutoCloseable {

    record Loaded(int partition, List<ClaimInput> claims, List<Claim> history) { }

    private final PatientPartitions parts;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read partition");
        t.setDaemon(true);
        return t;
    });
    private int following;
    private CompletableFuture<Loaded> ahead;

    Prefetch(PatientPartitions parts) {
        this.parts = parts;
        this.ahead = load();
    }

    /** The next partition holding claims, or null after the last. */
    Loaded next() throws IOException {
        Loaded current;
        try {
            current = ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Handoff.rethrow(e.getCause());
            throw new IllegalStateException(e); // an ExecutionException always has a cause
        }
        if (current != null) {
            ahead = load();
        }
        return current;
    }

    private CompletableFuture<Loaded> load() {
        while (following < parts.count() && parts.claimsIn(following) == 0) {
            following++;
        }
        if (following == parts.count()) {
            return CompletableFuture.completedFuture(null);
        }
        int p = following++;
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new Loaded(p, parts.claims(p), parts.history(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, thread);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
