package org.claimauditor.cli;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.codes.CodeSets;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.Reference;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.report.ProgressMeter;
import org.claimauditor.report.ReportFormat;
import org.claimauditor.report.ReportRun;
import org.claimauditor.report.ResultsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit claims (.json object or array, or .jsonl) and write OUT/audit-results.json and the reports "
                + "(claim-summaries, error-report, compliance-report). "
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

    @Option(names = "--out", required = true, description = "Output folder for audit-results.json.")
    Path out;

    @Option(names = "--today", description = "Audit date for 'date in the future' checks (default: today), for reproducible re-runs.")
    LocalDate today;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Prior claims (same formats as INPUT; repeat the option for several files) used only as history: "
                    + "frequency limits and date-of-service edits count them, but they get no result of their own.")
    List<Path> history = List.of();

    @Option(names = "--format", defaultValue = "json,csv,html", paramLabel = "FORMATS",
            description = "Report formats, comma-separated: json, csv, html (default: ${DEFAULT-VALUE}).")
    String format;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Claim files, or folders of .json / .jsonl files.")
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
            files = ClaimReader.expandInputs(inputs);
            historyFiles = history.isEmpty() ? List.of() : ClaimReader.expandInputs(history);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            return Cli.USAGE;
        }
        String outProblem = OutputFolder.problem(out);
        if (outProblem != null) {
            System.err.println(outProblem);
            return Cli.USAGE;
        }
        // Reference data before the rules: a broken file is reported in a second, not after the rules are built.
        NcciTables tables = ncci.loadOrReport(System.out, System.err, null, limits);
        if (tables == null) {
            return Cli.USAGE;
        }
        CodeSets codes = codeSets.loadOrDefault(System.out, System.err, null, limits);
        if (codes == null) {
            return Cli.USAGE;
        }
        RuleSet rs = rules.loadOrReport(System.err);
        if (rs == null) {
            return Cli.USAGE;
        }
        List<ClaimInput> claims = ClaimReader.readFiles(files, limits);
        List<Claim> prior = new ArrayList<>();
        if (!history.isEmpty()) {
            for (ClaimInput h : ClaimReader.readFiles(historyFiles, limits)) {
                if (h.readable()) {
                    prior.add(h.claim());
                } else {
                    System.err.println("warning: history claim skipped: " + h.error());
                }
            }
            System.out.println("History: " + prior.size() + " prior claims");
        }
        LocalDate auditDate = today != null ? today : LocalDate.now();
        Reference ref = new Reference(tables, codes);
        List<AuditResult> results;
        try (ProgressMeter meter = ProgressMeter.start("Auditing", claims.size())) {
            results = AuditEngine.audit(rs, ref, claims, prior, auditDate, limits, meter::advance);
        }
        Path written = ResultsFile.write(out, results);
        List<Path> reports = writeReports(ReportRun.Options.of(formats, files).withHistory(historyFiles)
                .withAuditDate(auditDate).withStartedAt(startedAt).withPlausibility(rs.plausibility()), claims, results);
        printSummary(rs, files.size(), results, written, (System.nanoTime() - start) / 1_000_000);
        System.out.println("Reports:");
        reports.forEach(p -> System.out.println("  " + p.toAbsolutePath()));
        boolean rejected = results.stream().anyMatch(r ->
                r.status() == AuditResult.Status.REJECT || r.status() == AuditResult.Status.ERROR);
        return rejected ? Cli.FINDINGS : Cli.OK;
    }

    private List<Path> writeReports(ReportRun.Options options, List<ClaimInput> claims, List<AuditResult> results)
            throws IOException {
        try (ReportRun run = ReportRun.open(out, options);
             ProgressMeter meter = ProgressMeter.start("Writing reports", claims.size())) {
            for (int i = 0; i < claims.size(); i++) {
                run.accept(claims.get(i), results.get(i));
                meter.advance(1);
            }
            return run.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a row write failed; the run's temporary files are already gone
        }
    }

    private static void printSummary(RuleSet rs, int fileCount, List<AuditResult> results, Path written, long millis) {
        Map<AuditResult.Status, Long> byStatus = new EnumMap<>(AuditResult.Status.class);
        for (AuditResult.Status s : AuditResult.Status.values()) {
            byStatus.put(s, 0L);
        }
        results.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        Map<String, Long> byRule = results.stream().flatMap(r -> r.findings().stream())
                .collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
        System.out.printf("Audited %d claims from %d file(s) in %d ms with rule set %s (%d rules)%n",
                results.size(), fileCount, millis, rs.version(), rs.catalog().size());
        System.out.printf("  PASS %d   REVIEW %d   REJECT %d   ERROR %d%n", byStatus.get(AuditResult.Status.PASS),
                byStatus.get(AuditResult.Status.REVIEW), byStatus.get(AuditResult.Status.REJECT), byStatus.get(AuditResult.Status.ERROR));
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
