package org.claimauditor.pipeline.group;

import com.fasterxml.jackson.databind.MappingIterator;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Puts the audited partitions back into input order: a k-way merge by input index over the partitions' claim and
 * result files, each already in input order. Holds one claim and one result per partition, whatever the run's size.
 */
public final class InputOrderMerge implements AutoCloseable {

    /** Receives each input with its (compact) result, in input order. */
    @FunctionalInterface
    public interface Consumer {
        void accept(ClaimInput input, AuditResult result) throws IOException;
    }

    private final List<Cursor> open = new ArrayList<>();
    private final PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator.comparingInt(c -> c.input.index()));

    public InputOrderMerge(PatientPartitions partitions) throws IOException {
        try {
            for (int p = 0; p < partitions.count(); p++) {
                if (partitions.claimsIn(p) == 0) {
                    continue;
                }
                Cursor c = new Cursor(p, partitions.claimCursor(p), partitions.resultCursor(p));
                open.add(c);
                if (c.advance()) {
                    queue.add(c);
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Feeds every input and result to {@code consumer} in input order; returns how many. */
    public long run(Consumer consumer) throws IOException {
        long n = 0;
        int expected = -1;
        while (!queue.isEmpty()) {
            Cursor c = queue.poll();
            if (c.input.index() <= expected) {
                throw new IllegalStateException("partition " + c.partition + " is out of input order at index " + c.input.index());
            }
            expected = c.input.index();
            consumer.accept(c.input, c.result);
            n++;
            if (c.advance()) {
                queue.add(c);
            }
        }
        return n;
    }

    @Override
    public void close() {
        for (Cursor c : open) {
            c.close();
        }
        open.clear();
        queue.clear();
    }

    /** One partition's claims and results, read in step. */
    private static final class Cursor {
        final int partition;
        final MappingIterator<ClaimInput> inputs;
        final MappingIterator<StoredResult> outcomes;
        ClaimInput input;
        AuditResult result;

        Cursor(int partition, MappingIterator<ClaimInput> inputs, MappingIterator<StoredResult> outcomes) {
            this.partition = partition;
            this.inputs = inputs;
            this.outcomes = outcomes;
        }

        boolean advance() throws IOException {
            boolean more = inputs.hasNextValue();
            if (more != outcomes.hasNextValue()) {
                throw new IllegalStateException("partition " + partition + ": claims and results differ in number");
            }
            if (!more) {
                return false;
            }
            input = inputs.nextValue();
            StoredResult o = outcomes.nextValue();
            if (o.index() != input.index()) {
                throw new IllegalStateException("partition " + partition + ": result for input " + o.index()
                        + " where input " + input.index() + " was expected");
            }
            result = o.result();
            return true;
        }

        void close() {
            try {
                inputs.close();
            } catch (IOException ignored) {
                // read-only temporary file
            }
            try {
                outcomes.close();
            } catch (IOException ignored) {
                // read-only temporary file
            }
        }
    }
}
