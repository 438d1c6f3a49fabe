package org.claimauditor.cli;

import org.claimauditor.codes.CodeSets;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.Reference;
import org.claimauditor.history.HistoryDatabase;
import org.claimauditor.history.HistoryException;
import org.claimauditor.history.HistoryQueries;
import org.claimauditor.history.HistorySink;
import org.claimauditor.history.InputFile;
import org.claimauditor.history.ReferenceItem;
import org.claimauditor.history.RunHeader;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.pipeline.AuditPipeline;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.pipeline.RunTotals;
import org.claimauditor.pipeline.sink.JsonArrayResults;
import org.claimauditor.pipeline.sink.JsonLinesResults;
import org.claimauditor.pipeline.sink.ReportSink;
import org.claimauditor.pipeline.sink.ResultSink;
import org.claimauditor.pipeline.sink.RunFile;
import org.claimauditor.pipeline.source.ClaimFiles;
import org.claimauditor.pipeline.source.InputFormat;
import org.claimauditor.report.ReportFormat;
import org.claimauditor.report.ReportRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit claims (.json object or array, .jsonl; X12 837P/837I: .x12, .837, .edi, .txt; FHIR R4 Claim or Bundle .json; CSV extract .csv) and write OUT/audit-results.json (or .jsonl), "
                + "OUT/audit-run.json and the reports (claim-summaries, error-report, compliance-report), streaming: "
                + "memory does not grow with the number of claims. "
                + "Exit 0 when no claim is rejected, 1 when any claim has an ERROR finding or could not be read, 2 on bad usage or unreadable rules.")
final class AuditCommand implements Callable<Integer> {

    @Mixin
    RuleOptions rules;

    @Mixin
    NcciOptions ncci;

    @Mixin
    CodeSetOptions codeSets;

    @Mixin
    LimitOptions limitOptions;

    @Mixin
    DatabaseOptions db;

    @Option(names = "--retention-days", paramLabel = "DAYS",
            description = "Delete runs older than this many days before recording (default: "
                    + "$AUDITOR_HISTORY_RETENTION_DAYS; none: keep every run).")
    Integer retentionDays;


    @Option(names = "--no-record",
            description = "Do not record this run in the audit history database (recorded by default; "
                    + "AUDITOR_HISTORY_ENABLED=false does the same).")
    boolean noRecord;

    @Option(names = "--out", required = true, description = "Output folder for the results, audit-run.json and the reports.")
    Path out;

    @Option(names = "--today", description = "Audit date for 'date in the future' checks (default: today), for reproducible re-runs.")
    LocalDate today;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Prior claims (same formats as INPUT; repeat the option for several files) used only as history: "
                    + "frequency limits and date-of-service edits count them, but they get no result of their own.")
    List<Path> history = List.of();

    @Option(names = "--format", defaultValue = "json,csv,html", paramLabel = "FORMATS",
            description = "Report formats, comma-separated: json, csv, html, pdf (default: ${DEFAULT-VALUE}; pdf is the "
                    + "compliance report only).")
    String format;

    @Option(names = "--results", defaultValue = "json", paramLabel = "json|jsonl",
            description = "Results file: json (audit-results.json, one array) or jsonl (audit-results.jsonl, one result "
                    + "per line, for big runs). The run's reference data is in audit-run.json. Default: ${DEFAULT-VALUE}.")
    String results;

    @Option(names = "--tmp", paramLabel = "DIR",
            description = "Folder for the run's temporary files (about the size of the input; deleted at the end). "
                    + "Default: the --out folder.")
    Path tmp;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Claim files, or folders of claim files (.json, .jsonl, .csv, .x12, .837, .edi, and .txt files that begin with ISA).")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        Set<ReportFormat> formats;
        try {
            formats = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Cli.USAGE;
        }
        results = results.toLowerCase(java.util.Locale.ROOT);
        if (!results.equals("json") && !results.equals("jsonl")) {
            System.err.println("--results '" + results + "': expected json or jsonl");
            return Cli.USAGE;
        }
        // Everything the user typed is checked before minutes of rule and table loading.
        Limits limits;
        try {
            limits = limitOptions.limits();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Cli.USAGE;
        }
        List<Path> files;
        List<Path> historyFiles;
        try {
            files = InputFormat.expand(inputs);
            historyFiles = history.isEmpty() ? List.of() : InputFormat.expand(history);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            return Cli.USAGE;
        }
        String outProblem = OutputFolder.problem(out, "--out");
        if (outProblem == null && tmp != null) {
            outProblem = OutputFolder.problem(tmp, "--tmp");
        }
        if (outProblem != null) {
            System.err.println(outProblem);
            return Cli.USAGE;
        }
        boolean record = !noRecord && !"false".equalsIgnoreCase(System.getenv("AUDITOR_HISTORY_ENABLED"));
        Integer retention;
        try {
            retention = record ? retentionDays() : null;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Cli.USAGE;
        }
        HistoryDatabase historyDb = null;
        if (record) {
            try {
                historyDb = db.open();
            } catch (HistoryException e) {
                System.err.println(e.getMessage() + " (--no-record audits without recording)");
                return Cli.USAGE;
            }
        }
        try {
            return audit(start, startedAt, formats, limits, files, historyFiles, historyDb, retention);
        } finally {
            if (historyDb != null) {
                historyDb.close();
            }
        }
    }

    private int audit(long start, Instant startedAt, Set<ReportFormat> formats, Limits limits, List<Path> files,
                      List<Path> historyFiles, HistoryDatabase historyDb, Integer retention) throws IOException {
        if (retention != null) {
            int purged = new HistoryQueries(historyDb.dataSource())
                    .purgeStartedBefore(DatabaseOptions.cutoff(retention, Clock.systemUTC()));
            if (purged > 0) {
                System.out.println("History: deleted " + purged + " run(s) older than " + retention + " days");
            }
        }
        // the input files are hashed for the history while they are grouped and audited
        CompletableFuture<List<InputFile>> hashes = historyDb == null ? null : HistorySink.hashLater(files);
        // Tables, code sets and rules load on two threads while the claims are grouped (which needs none of them);
        // a failure stops the grouping at once and is reported in the usual order: reference data, then rules.
        Background<Reference> reference = Background.start("load reference data", (o, e) -> {
            NcciTables tables = ncci.loadOrReport(o, e, null, limits);
            CodeSets codes = tables == null ? null : codeSets.loadOrDefault(o, e, null, limits);
            return codes == null ? null : new Reference(tables, codes);
        });
        Background<RuleSet> ruleSet = Background.start("build rules", (o, e) -> rules.loadOrReport(e));
        LocalDate auditDate = today != null ? today : LocalDate.now();
        List<ResultSink> sinks = new ArrayList<>();
        try (AuditPipeline.Grouped grouped = group(files, historyFiles, limits, reference, ruleSet)) {
            Reference ref = reference.join(System.out, System.err);
            RuleSet rs = ref == null ? null : ruleSet.join(System.out, System.err);
            if (grouped == null || ref == null || rs == null) {
                return Cli.USAGE;
            }
            RunReference runRef = RunReference.of(rs, ref);
            // Put in place in this order: the reports (their compliance report is the likeliest to fail), the
            // results, and audit-run.json last, so a folder holding audit-run.json holds a complete run.
            sinks.add(new ReportSink(out, ReportRun.Options.of(formats, files).withHistory(historyFiles)
                    .withAuditDate(auditDate).withStartedAt(startedAt).withPlausibility(rs.plausibility())
                    .withRuleDescriptions(ReportRun.descriptions(rs.catalog()))));
            sinks.add(results.equals("jsonl") ? new JsonLinesResults(out, runRef) : new JsonArrayResults(out, runRef));
            String resultsName = results.equals("jsonl") ? JsonLinesResults.FILE : JsonArrayResults.FILE;
            HistorySink recorded = null;
            if (historyDb != null) {
                recorded = new HistorySink(historyDb.dataSource(), RunHeader.start(RunHeader.Origin.CLI,
                        System.getProperty("user.name"), startedAt, auditDate, rs.version(),
                        ReferenceItem.of(runRef, rs)), runRef, hashes, Clock.systemUTC());
                sinks.add(recorded); // before audit-run.json: a folder holding it holds a recorded run
            }
            sinks.add(new RunFile(out, runRef, auditDate, startedAt, Clock.systemUTC(), List.of(resultsName)));
            AuditPipeline.Outcome outcome = grouped.audit(
                    new AuditPipeline.Settings(rs, ref, auditDate, limits, tmp != null ? tmp : out, System.err::println),
                    sinks);
            if (!history.isEmpty()) {
                System.out.println("History: " + outcome.historyClaims() + " prior claims");
            }
            Path written = named(outcome.written(), resultsName);
            Path runFile = named(outcome.written(), RunFile.FILE);
            printSummary(rs, files.size(), outcome, written, (System.nanoTime() - start) / 1_000_000);
            System.out.println("Run: " + runFile.toAbsolutePath());
            if (recorded != null) {
                System.out.println("Recorded: run " + recorded.runId() + " in the audit history (claim-auditor history runs)");
            }
            System.out.println("Reports:");
            outcome.written().stream().filter(p -> !p.equals(written) && !p.equals(runFile))
                    .forEach(p -> System.out.println("  " + p.toAbsolutePath()));
            return outcome.totals().anyRejected() ? Cli.FINDINGS : Cli.OK;
        } finally {
            sinks.forEach(ResultSink::close);
        }
    }

    /** The retention in days, or null for none; a value below 1 is a usage error. */
    private Integer retentionDays() {
        Integer days = retentionDays;
        if (days == null) {
            String env = System.getenv("AUDITOR_HISTORY_RETENTION_DAYS");
            if (env == null || env.isBlank()) {
                return null;
            }
            try {
                days = Integer.valueOf(env.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("AUDITOR_HISTORY_RETENTION_DAYS '" + env + "': expected a whole number of days");
            }
        }
        if (days < 1) {
            throw new IllegalArgumentException("--retention-days " + days + ": expected at least 1 day");
        }
        return days;
    }

    /**
     * Groups the claims while {@code reference} and {@code rules} load; null when loading failed first (the
     * grouping stopped; the loaders print why when joined).
     */
    private AuditPipeline.Grouped group(List<Path> files, List<Path> historyFiles, Limits limits,
                                        Background<?> reference, Background<?> rules) throws IOException {
        try {
            return AuditPipeline.group(tmp != null ? tmp : out, AuditPipeline.PARTITION_BYTES, System.err::println,
                    new ClaimFiles(files, limits), new ClaimFiles(historyFiles, limits),
                    () -> reference.failed() || rules.failed());
        } catch (AuditPipeline.Stopped stopped) {
            return null;
        }
    }

    private static Path named(List<Path> files, String name) {
        return files.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    private static void printSummary(RuleSet rs, int fileCount, AuditPipeline.Outcome outcome, Path written, long millis) {
        RunTotals totals = outcome.totals();
        Map<String, Long> byRule = totals.byRule();
        AuditPipeline.Timings t = outcome.timings();
        System.out.printf("Audited %d claims from %d file(s) in %d ms with rule set %s (%d rules)%n",
                totals.results(), fileCount, millis, rs.version(), rs.catalog().size());
        System.out.printf("  grouped by patient in %d ms (tables and rules loaded meanwhile), audited in %d ms, "
                + "written in %d ms; %d partition(s)%n", t.groupMillis(), t.auditMillis(), t.writeMillis(),
                outcome.partitions());
        System.out.printf("  PASS %d   REVIEW %d   REJECT %d   ERROR %d%n", totals.count(AuditResult.Status.PASS),
                totals.count(AuditResult.Status.REVIEW), totals.count(AuditResult.Status.REJECT),
                totals.count(AuditResult.Status.ERROR));
        if (!byRule.isEmpty()) {
            System.out.println("  Top rules:");
            byRule.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(10)
                    .forEach(e -> System.out.printf("    %-28s %d%n", e.getKey(), e.getValue()));
        }
        System.out.println("Results: " + written.toAbsolutePath());
    }
}
