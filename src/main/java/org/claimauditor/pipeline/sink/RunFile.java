package org.claimauditor.pipeline.sink;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.pipeline.RunTotals;
import org.claimauditor.report.AtomicFile;
import org.claimauditor.report.ResultsFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code audit-run.json}: what the run's results were checked against, written once per run — the rule set
 * version, the audit date, the reference data (rule set, payer policy files, NCCI tables, code sets, and each payer
 * policy applied), the result files and the counts by status. Written last, so its presence says the run completed.
 */
public final class RunFile implements ResultSink {

    public static final String FILE = "audit-run.json";
    /** Layout version of audit-run.json: fields may be added, never renamed. */
    public static final int LAYOUT = 1;
    /** As in the compliance report: bounded, should a future line carry per-claim detail. */
    private static final int MAX_LINES = 1_000;

    /** The file's content. */
    public record Run(int layoutVersion, String ruleSetVersion, LocalDate auditDate, Instant startedAt,
                      Instant finishedAt, List<String> results, Claims claims, List<String> referenceData) { }

    public record Claims(long read, long pass, long review, long reject, long error) { }

    private final Path outDir;
    private final RunReference run;
    private final LocalDate auditDate;
    private final Instant startedAt;
    private final Clock clock;
    private final List<String> resultFiles;
    private final RunTotals totals = new RunTotals();
    private final Set<String> lines;

    /**
     * @param resultFiles the names of the result files this run writes (audit-results.json and/or .jsonl)
     */
    public RunFile(Path outDir, RunReference run, LocalDate auditDate, Instant startedAt, Clock clock,
                   List<String> resultFiles) {
        this.outDir = outDir;
        this.run = run;
        this.auditDate = auditDate;
        this.startedAt = startedAt;
        this.clock = clock;
        this.resultFiles = List.copyOf(resultFiles);
        this.lines = new LinkedHashSet<>(run.lines());
    }

    @Override
    public void accept(ClaimInput input, AuditResult result) {
        totals.add(result);
        for (String own : run.own(result)) {
            if (lines.size() < MAX_LINES || lines.contains(own)) {
                lines.add(own);
            }
        }
    }

    @Override
    public List<Path> finish() throws IOException {
        Run content = new Run(LAYOUT, run.ruleSetVersion(), auditDate, startedAt, clock.instant(), resultFiles,
                new Claims(totals.results(), totals.count(AuditResult.Status.PASS), totals.count(AuditResult.Status.REVIEW),
                        totals.count(AuditResult.Status.REJECT), totals.count(AuditResult.Status.ERROR)),
                List.copyOf(lines));
        AtomicFile file = AtomicFile.create(outDir.resolve(FILE));
        try {
            file.stream().write(ResultsFile.JSON.writeValueAsBytes(content));
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        }
        return List.of(file.commit());
    }

    @Override
    public void close() {
        // nothing is open before finish
    }
}
