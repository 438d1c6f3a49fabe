package org.claimauditor.pipeline;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.pipeline.group.InputOrderMerge;
import org.claimauditor.pipeline.group.PatientPartitions;
import org.claimauditor.pipeline.group.SpillFolder;
import org.claimauditor.pipeline.sink.ResultSink;
import org.claimauditor.pipeline.source.ClaimSource;
import org.claimauditor.report.ProgressMeter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A run of any size in bounded memory, in three passes:
 * <ol>
 *   <li><b>group</b>: claims (and history) stream from their {@link ClaimSource} into {@link PatientPartitions},
 *       temporary files of a few MB each, all claims of a patient in one;</li>
 *   <li><b>audit</b>: partition after partition is read back and audited on all cores ({@link AuditEngine}), its
 *       results stored next to it;</li>
 *   <li><b>write</b>: {@link InputOrderMerge} feeds every {@link ResultSink} the inputs and results in input order,
 *       then the sinks put their files in place.</li>
 * </ol>
 * Memory holds one partition and the tables, never the run. The temporary folder is deleted at the end, on failure
 * and on Ctrl-C.
 */
public final class AuditPipeline {

    /**
     * Claim input per partition. A partition's claims, results and Drools sessions in memory take several times its
     * bytes; 16 MB (about 20,000 claims) keeps that far below a 1 GB heap while giving the engine enough sessions
     * to keep every core busy.
     */
    public static final long PARTITION_BYTES = Long.getLong("auditor.partition-bytes", 16L << 20);

    /**
     * @param tmpParent where the run's temporary folder is made (the output folder, or {@code --tmp})
     * @param warnings  one line per prior claim that could not be read
     * @param partitionBytes claim input per partition ({@link #PARTITION_BYTES})
     */
    public record Settings(RuleSet rules, Reference reference, LocalDate today, Limits limits, Path tmpParent,
                           Consumer<String> warnings, long partitionBytes) {

        public Settings(RuleSet rules, Reference reference, LocalDate today, Limits limits, Path tmpParent,
                        Consumer<String> warnings) {
            this(rules, reference, today, limits, tmpParent, warnings, PARTITION_BYTES);
        }
    }

    /** What the run did: counts for the summary, history claims used, partitions, and the files put in place. */
    public record Outcome(RunTotals totals, long historyClaims, int partitions, List<Path> written, Timings timings) { }

    /** Wall time of the three passes, for the run's summary line. */
    public record Timings(long groupMillis, long auditMillis, long writeMillis) { }

    private AuditPipeline() { }

    /**
     * Audits every claim of {@code claims} with {@code history} as prior claims and feeds the results to the sinks
     * in input order; the sinks' files are put in place in the order given, only after every result is written.
     * The caller closes the sinks (which drops their temporary files if the run failed).
     */
    public static Outcome run(Settings s, ClaimSource claims, ClaimSource history, List<ResultSink> sinks)
            throws IOException {
        try (Grouped grouped = group(s.tmpParent(), s.partitionBytes(), s.warnings(), claims, history, () -> false)) {
            return grouped.audit(s, sinks);
        }
    }

    /**
     * The first pass on its own: the claims and history spilled into patient partitions. It needs neither rules nor
     * tables, so a caller can load those on other threads meanwhile; {@code stop} is polled while spilling and ends
     * the pass early ({@link Stopped}) when that loading failed.
     */
    public static Grouped group(Path tmpParent, long partitionBytes, Consumer<String> warnings, ClaimSource claims,
                                ClaimSource history, BooleanSupplier stop) throws IOException {
        long start = System.nanoTime();
        SpillFolder spill = SpillFolder.create(tmpParent);
        PatientPartitions parts = null;
        try {
            parts = new PatientPartitions(spill,
                    PatientPartitions.countFor(claims.bytes() + history.bytes(), partitionBytes));
            long total = spill(claims, parts, spill, stop);
            long prior = spillHistory(history, parts, spill, warnings);
            parts.finishWriting();
            return new Grouped(spill, parts, total, prior, millisSince(start));
        } catch (IOException | RuntimeException | Error e) {
            if (parts != null) {
                parts.close();
            }
            spill.close();
            throw e;
        }
    }

    /** Thrown by {@link #group} when its {@code stop} condition turned true. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /** Claims grouped by patient in temporary files, ready for {@link #audit}; closing deletes the files. */
    public static final class Grouped implements AutoCloseable {
        private final SpillFolder spill;
        private final PatientPartitions parts;
        private final long claims;
        private final long history;
        private final long groupMillis;

        private Grouped(SpillFolder spill, PatientPartitions parts, long claims, long history, long groupMillis) {
            this.spill = spill;
            this.parts = parts;
            this.claims = claims;
            this.history = history;
            this.groupMillis = groupMillis;
        }

        /** Passes two and three: audit partition by partition, then write every sink in input order. */
        public Outcome audit(Settings s, List<ResultSink> sinks) throws IOException {
            RunReference run = RunReference.of(s.rules(), s.reference());
            long start = System.nanoTime();
            try (ProgressMeter meter = ProgressMeter.start("Auditing", claims);
                 Prefetch prefetch = new Prefetch(parts)) {
                // the next partition is read while this one is audited: two partitions in memory at most
                for (Prefetch.Loaded part = prefetch.next(); part != null; part = prefetch.next()) {
                    List<AuditResult> results = AuditEngine.audit(s.rules(), s.reference(), part.claims(),
                            part.history(), s.today(), s.limits(), meter::advance);
                    List<AuditResult> compact = new ArrayList<>(results.size());
                    results.forEach(r -> compact.add(run.compact(r)));
                    parts.writeResults(part.partition(), part.claims(), compact);
                }
            }
            long auditMillis = millisSince(start);
            start = System.nanoTime();
            RunTotals totals = new RunTotals();
            try (InputOrderMerge merge = new InputOrderMerge(parts);
                 ProgressMeter meter = ProgressMeter.start("Writing results", claims);
                 ParallelSinks fanOut = new ParallelSinks(sinks)) {
                // the partitions are read back on this thread; each sink writes on its own
                merge.run((input, compact) -> {
                    AuditResult result = run.expand(compact);
                    totals.add(result);
                    fanOut.accept(input, result);
                    meter.advance(1);
                });
                fanOut.finish();
            }
            List<Path> written = new ArrayList<>();
            for (ResultSink sink : sinks) {
                written.addAll(sink.finish());
            }
            return new Outcome(totals, history, parts.count(), written,
                    new Timings(groupMillis, auditMillis, millisSince(start)));
        }

        @Override
        public void close() {
            parts.close();
            spill.close();
        }
    }

    /**
     * Writes the results of a batch audited in memory (a REST request) through the same sinks as a streamed run,
     * so both give the same files; returns the files put in place.
     */
    public static List<Path> write(List<ClaimInput> inputs, List<AuditResult> results, List<ResultSink> sinks)
            throws IOException {
        for (int i = 0; i < inputs.size(); i++) {
            for (ResultSink sink : sinks) {
                sink.accept(inputs.get(i), results.get(i));
            }
        }
        List<Path> written = new ArrayList<>();
        for (ResultSink sink : sinks) {
            written.addAll(sink.finish());
        }
        return written;
    }

    /** Reads the claims (parsing, on its own thread) into the partitions (writing, on this one); returns how many. */
    private static long spill(ClaimSource claims, PatientPartitions parts, SpillFolder spill, BooleanSupplier stop)
            throws IOException {
        long[] n = new long[1];
        Handoff.<ClaimInput>run("read claims", out -> {
            try (Stream<ClaimInput> stream = claims.claims()) {
                for (Iterator<ClaimInput> it = stream.iterator(); it.hasNext(); ) {
                    out.put(it.next());
                    if (stop.getAsBoolean()) {
                        throw new Stopped();
                    }
                }
            }
        }, in -> {
            try {
                parts.addClaim(in);
            } catch (IOException e) {
                throw spillFailed(spill, e);
            }
            n[0]++;
        });
        return n[0];
    }

    private static long spillHistory(ClaimSource history, PatientPartitions parts, SpillFolder spill,
                                     Consumer<String> warnings) throws IOException {
        long n = 0;
        try (Stream<ClaimInput> stream = history.claims()) {
            for (Iterator<ClaimInput> it = stream.iterator(); it.hasNext(); ) {
                ClaimInput h = it.next();
                if (!h.readable()) {
                    warnings.accept("warning: history claim skipped: " + h.error());
                    continue;
                }
                n++;
                try {
                    parts.addHistory(h.claim());
                } catch (IOException e) {
                    throw spillFailed(spill, e);
                }
            }
        }
        return n;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A full disk is the usual cause; say where the files were going and what helps. */
    private static IOException spillFailed(SpillFolder spill, IOException e) {
        return new IOException("cannot write the run's temporary files in " + spill.dir().getParent() + " ("
                + e.getMessage() + "); free disk space there or point --tmp at a folder with room for about the "
                + "size of the input", e);
    }
}
