package org.claimauditor.pipeline.group;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups a run's claims by patient without holding the run: each claim is appended to one of {@code count}
 * partition files chosen by a hash of its patient id, so all claims (and all history) of a patient land in the
 * same partition, and a partition — a few MB of claims — is what is held in memory while it is audited. A claim
 * without a patient id (or an unreadable input) is its own patient and goes by its input index. Within a partition,
 * claims keep input order, which lets {@link InputOrderMerge} put the run back in input order.
 */
public final class PatientPartitions implements AutoCloseable {

    /** Open files while spilling stay well under the usual limit of 1,024 descriptors. */
    public static final int MAX_PARTITIONS = 400;

    private static final ObjectWriter CLAIMS = SpillCodec.writer(ClaimInput.class);
    private static final ObjectWriter HISTORY = SpillCodec.writer(Claim.class);
    private static final ObjectWriter OUTCOMES = SpillCodec.writer(StoredResult.class);

    private final SpillFolder folder;
    private final JsonGenerator[] claims;
    private final JsonGenerator[] history;
    private final int[] claimCounts;
    private boolean writing = true;

    public PatientPartitions(SpillFolder folder, int count) {
        if (count < 1 || count > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be 1 to " + MAX_PARTITIONS + ": " + count);
        }
        this.folder = folder;
        this.claims = new JsonGenerator[count];
        this.history = new JsonGenerator[count];
        this.claimCounts = new int[count];
    }

    /** Enough partitions that each holds about {@code targetBytes} of claim input. */
    public static int countFor(long inputBytes, long targetBytes) {
        long n = (inputBytes + targetBytes - 1) / Math.max(1, targetBytes);
        return (int) Math.max(1, Math.min(MAX_PARTITIONS, n));
    }

    public int count() {
        return claims.length;
    }

    public int claimsIn(int partition) {
        return claimCounts[partition];
    }

    public void addClaim(ClaimInput in) throws IOException {
        String patient = in.readable() ? patientId(in.claim()) : null;
        int p = patient != null ? partitionOf(patient) : spread(Integer.hashCode(in.index()));
        if (claims[p] == null) {
            claims[p] = SpillCodec.create(folder.file(claimsFile(p)));
        }
        SpillCodec.write(CLAIMS, claims[p], in);
        claimCounts[p]++;
    }

    /** A prior claim: it joins its patient's partition as history; without a patient id it can join no one. */
    public boolean addHistory(Claim prior) throws IOException {
        String patient = patientId(prior);
        if (patient == null) {
            return false;
        }
        int p = partitionOf(patient);
        if (history[p] == null) {
            history[p] = SpillCodec.create(folder.file(historyFile(p)));
        }
        SpillCodec.write(HISTORY, history[p], prior);
        return true;
    }

    /** Closes the partition files for writing; from now on partitions are read. */
    public void finishWriting() throws IOException {
        writing = false;
        IOException failed = null;
        for (JsonGenerator[] files : List.of(claims, history)) {
            for (int i = 0; i < files.length; i++) {
                if (files[i] != null) {
                    try {
                        files[i].close();
                    } catch (IOException e) {
                        failed = failed == null ? e : failed;
                    }
                    files[i] = null;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** The claims of a partition, in input order. */
    public List<ClaimInput> claims(int partition) throws IOException {
        return readAll(ClaimInput.class, claimsFile(partition), claimCounts[partition]);
    }

    /** The prior claims of the partition's patients. */
    public List<Claim> history(int partition) throws IOException {
        return readAll(Claim.class, historyFile(partition), 16);
    }

    /** Stores the partition's results (compact, see {@code RunReference}) in the order of {@link #claims}. */
    public void writeResults(int partition, List<ClaimInput> in, List<AuditResult> results) throws IOException {
        try (JsonGenerator out = SpillCodec.create(folder.file(resultsFile(partition)))) {
            for (int i = 0; i < in.size(); i++) {
                SpillCodec.write(OUTCOMES, out, new StoredResult(in.get(i).index(), results.get(i)));
            }
        }
    }

    MappingIterator<ClaimInput> claimCursor(int partition) throws IOException {
        return SpillCodec.read(ClaimInput.class, folder.file(claimsFile(partition)));
    }

    MappingIterator<StoredResult> resultCursor(int partition) throws IOException {
        return SpillCodec.read(StoredResult.class, folder.file(resultsFile(partition)));
    }

    private <T> List<T> readAll(Class<T> type, String name, int expected) throws IOException {
        if (writing) {
            throw new IllegalStateException("partitions are still being written");
        }
        List<T> out = new ArrayList<>(expected);
        try (MappingIterator<T> it = SpillCodec.read(type, folder.file(name))) {
            while (it.hasNextValue()) {
                out.add(it.nextValue());
            }
        }
        return out;
    }

    private static String patientId(Claim c) {
        return c.patient() == null ? null : c.patient().id();
    }

    private int partitionOf(String patientId) {
        return spread(patientId.hashCode());
    }

    /** Fibonacci hashing: ids like P000001, P000002 spread evenly over the partitions. */
    private int spread(int hash) {
        return (int) Long.remainderUnsigned((hash * 0x9E3779B97F4A7C15L) >>> 16, claims.length);
    }

    private static String claimsFile(int p) {
        return "claims-" + p + ".smile";
    }

    private static String historyFile(int p) {
        return "history-" + p + ".smile";
    }

    private static String resultsFile(int p) {
        return "results-" + p + ".smile";
    }

    /** Closes any file still open for writing (after a failure; the folder is deleted by its owner). */
    @Override
    public void close() {
        try {
            finishWriting();
        } catch (IOException ignored) {
            // failing already; the spill folder goes away with its owner
        }
    }
}
