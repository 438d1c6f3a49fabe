package org.claimauditor.web.claim;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.pipeline.AuditPipeline;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.pipeline.sink.JsonArrayResults;
import org.claimauditor.pipeline.sink.ReportSink;
import org.claimauditor.pipeline.sink.ResultSink;
import org.claimauditor.pipeline.sink.RunFile;
import org.claimauditor.pipeline.source.ClaimFiles;
import org.claimauditor.pipeline.source.ClaimSource;
import org.claimauditor.report.ReportFormat;
import org.claimauditor.report.ReportRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The {@code audit} command's streaming run ({@link AuditPipeline}: bounded memory whatever the batch size) for the
 * pages: into an output folder, with the {@link ClaimIndex} the pages browse as one more sink, and counters the
 * progress display reads while it runs.
 */
public final class StreamedAudit {

    private static final Logger LOG = LoggerFactory.getLogger(StreamedAudit.class);

    public enum Phase { QUEUED, READING, AUDITING, WRITING, DONE, FAILED }

    private final AtomicLong read = new AtomicLong();
    private volatile Phase phase = Phase.QUEUED;
    private volatile ClaimIndex index;

    public Phase phase() {
        return phase;
    }

    public void failed() {
        phase = Phase.FAILED;
    }

    /** A run finished before the host (re)started, found on disk. */
    public static StreamedAudit finished() {
        StreamedAudit done = new StreamedAudit();
        done.phase = Phase.DONE;
        return done;
    }

    /** Claims read so far (all of them once auditing started). */
    public long read() {
        return read.get();
    }

    /** Results written so far. */
    public long written() {
        ClaimIndex i = index;
        return i == null ? 0 : i.written();
    }

    /**
     * Audits {@code inputs} with {@code rules} into {@code out}; with {@code reports}, also the results file, the
     * run file and the three reports in JSON, CSV and HTML, as the {@code audit} command writes them.
     */
    public AuditPipeline.Outcome run(RuleSet rules, Reference ref, Limits limits, LocalDate today, List<Path> inputs,
                                     Path out, boolean reports) throws IOException {
        Instant started = Instant.now();
        phase = Phase.READING;
        ClaimSource counted = counting(new ClaimFiles(inputs, limits));
        List<ResultSink> sinks = new ArrayList<>();
        try (AuditPipeline.Grouped grouped = AuditPipeline.group(out, AuditPipeline.PARTITION_BYTES, LOG::warn,
                counted, new ClaimFiles(List.of(), limits), () -> false)) {
            phase = Phase.AUDITING;
            if (reports) {
                RunReference run = RunReference.of(rules, ref);
                sinks.add(new ReportSink(out, ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), inputs)
                        .withAuditDate(today).withStartedAt(started).withPlausibility(rules.plausibility())));
                sinks.add(new JsonArrayResults(out, run));
                sinks.add(new RunFile(out, run, today, started, Clock.systemUTC(), List.of(JsonArrayResults.FILE)));
            }
            index = new ClaimIndex(out);
            sinks.add(index);
            AuditPipeline.Outcome outcome = grouped.audit(
                    new AuditPipeline.Settings(rules, ref, today, limits, out, LOG::warn), writing(sinks));
            phase = Phase.DONE;
            return outcome;
        } finally {
            sinks.forEach(ResultSink::close);
        }
    }

    /** The first result written ends the auditing pass (results are written after every partition is audited). */
    private List<ResultSink> writing(List<ResultSink> sinks) {
        List<ResultSink> out = new ArrayList<>(sinks);
        out.add(new ResultSink() {
            @Override
            public void accept(ClaimInput input, org.claimauditor.engine.AuditResult result) {
                phase = Phase.WRITING;
            }

            @Override
            public List<Path> finish() {
                return List.of();
            }

            @Override
            public void close() { }
        });
        return out;
    }

    private ClaimSource counting(ClaimSource source) {
        return new ClaimSource() {
            @Override
            public Stream<ClaimInput> claims() {
                return source.claims().peek(c -> read.incrementAndGet());
            }

            @Override
            public List<Path> files() {
                return source.files();
            }

            @Override
            public long bytes() {
                return source.bytes();
            }
        };
    }
}
