package org.claimauditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.Plausibility;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;
import org.claimauditor.report.ComplianceReport.InputFile;
import org.claimauditor.report.ComplianceReport.RunInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The reports of one audit run, fed one (input, result) pair at a time in input order. Claim summary and
 * error-report rows are streamed to disk as they arrive; the compliance report is built from counters at
 * {@link #finish}, so memory does not grow with the number of claims or findings.
 * <p>
 * Every file is written under a hidden temporary name and renamed into place only in {@link #finish}, after
 * all of them are complete; {@link #close} without {@code finish} (a failure) deletes them and leaves any
 * earlier reports in the folder untouched. One thread feeds a run.
 */
public final class ReportRun implements AutoCloseable {

    public static final int DEFAULT_TOP_N = 20;
    /** Claims in the compliance report's list of the claims with the most money at risk. */
    public static final int TOP_CLAIMS = 50;
    static final int MAX_REFERENCE_LINES = 1_000;

    public static final String CLAIM_SUMMARIES = "claim-summaries";
    public static final String ERROR_REPORT = "error-report";
    public static final String COMPLIANCE_REPORT = "compliance-report";

    /**
     * @param inputs    the claim files audited, checksummed into the compliance report
     * @param history   files of prior claims used only as history ({@code --history}), checksummed too
     * @param auditDate the date "in the future" was judged against ({@code --today}), or null
     * @param topN      rows kept in the payer, provider, modifier and E/M rankings
     * @param startedAt when the run began (the command's start, before claims were read); null: when the report opens
     * @param plausibility the rule set's plausible ranges: charges outside them count 0 in totals and amounts at risk,
     *                  as in the findings ({@code FindingSink})
     * @param ruleDescriptions rule id to the rule's catalog description, shown beside the rule's totals
     */
    public record Options(Set<ReportFormat> formats, List<Path> inputs, List<Path> history, LocalDate auditDate,
                          int topN, Clock clock, Instant startedAt, Plausibility plausibility,
                          Map<String, String> ruleDescriptions) {

        public Options {
            formats = Set.copyOf(formats);
            inputs = List.copyOf(inputs);
            history = List.copyOf(history);
            if (topN < 1) {
                throw new IllegalArgumentException("topN must be at least 1");
            }
            plausibility = plausibility == null ? Plausibility.DEFAULTS : plausibility;
            ruleDescriptions = ruleDescriptions == null ? Map.of() : Map.copyOf(ruleDescriptions);
        }

        public static Options of(Set<ReportFormat> formats, List<Path> inputs) {
            return new Options(formats, inputs, List.of(), null, DEFAULT_TOP_N, Clock.systemUTC(), null, Plausibility.DEFAULTS,
                    Map.of());
        }

        public Options withHistory(List<Path> files) {
            return new Options(formats, inputs, files, auditDate, topN, clock, startedAt, plausibility, ruleDescriptions);
        }

        public Options withAuditDate(LocalDate date) {
            return new Options(formats, inputs, history, date, topN, clock, startedAt, plausibility, ruleDescriptions);
        }

        public Options withTopN(int n) {
            return new Options(formats, inputs, history, auditDate, n, clock, startedAt, plausibility, ruleDescriptions);
        }

        public Options withClock(Clock c) {
            return new Options(formats, inputs, history, auditDate, topN, c, startedAt, plausibility, ruleDescriptions);
        }

        public Options withStartedAt(Instant start) {
            return new Options(formats, inputs, history, auditDate, topN, clock, start, plausibility, ruleDescriptions);
        }

        /** The descriptions of the rule set's rules ({@code RuleInfo.description} by id). */
        public Options withRuleDescriptions(Map<String, String> descriptions) {
            return new Options(formats, inputs, history, auditDate, topN, clock, startedAt, plausibility, descriptions);
        }

        public Options withPlausibility(Plausibility p) {
            return new Options(formats, inputs, history, auditDate, topN, clock, startedAt, p, ruleDescriptions);
        }
    }

    /** Rule id to description, from a rule set's catalog (the first entry wins should an id repeat). */
    public static Map<String, String> descriptions(List<org.claimauditor.engine.RuleInfo> catalog) {
        Map<String, String> out = new java.util.HashMap<>();
        for (org.claimauditor.engine.RuleInfo r : catalog) {
            if (r.id() != null && r.description() != null) {
                out.putIfAbsent(r.id(), r.description());
            }
        }
        return out;
    }

    private final Path dir;
    private final Options options;
    private final UnaryOperator<OutputStream> wrap;
    private final Instant startedAt;
    private final RowReport<ClaimSummary> summaries;
    private final RowReport<ErrorRow> errors;
    private final ComplianceTally tally;
    private final List<AtomicFile> pending = new ArrayList<>();
    private String ruleSetVersion;
    /** Union over all results, first seen first: most lines are the run's, a few differ by payer (its policy). */
    private final Set<String> referenceData = new LinkedHashSet<>();
    private boolean finished;

    public static ReportRun open(Path outDir, Options options) throws IOException {
        return new ReportRun(outDir, options, UnaryOperator.identity());
    }

    /** {@code wrap} decorates every file's stream; tests use it to fail a write half-way. */
    ReportRun(Path outDir, Options options, UnaryOperator<OutputStream> wrap) throws IOException {
        this.dir = Files.createDirectories(outDir);
        this.options = options;
        this.wrap = wrap;
        this.startedAt = options.startedAt() != null ? options.startedAt() : options.clock().instant();
        this.tally = new ComplianceTally(options.ruleDescriptions(), TOP_CLAIMS);
        this.summaries = new RowReport<>(dir, CLAIM_SUMMARIES, ClaimSummary.class, options.formats(), wrap);
        try {
            this.errors = new RowReport<>(dir, ERROR_REPORT, ErrorRow.class, options.formats(), wrap);
        } catch (IOException | RuntimeException e) {
            summaries.abort();
            throw e;
        }
    }

    /** Adds the next input and its result (input order); {@code input.claim()} is null for an unreadable input. */
    public void accept(ClaimInput input, AuditResult result) {
        if (finished) {
            throw new IllegalStateException("report run already finished");
        }
        if (ruleSetVersion == null) {
            ruleSetVersion = result.ruleSetVersion(); // one rule set per run; the first result names it
        }
        addReferenceData(result.referenceData());
        ClaimView view = input.claim() == null ? null : new ClaimView(input.claim(), options.plausibility());
        AtRisk risk = view == null ? AtRisk.NONE : AtRisk.of(view, result.findings());
        ClaimSummary summary = ClaimSummary.of(input, result, view, risk);
        summaries.write(summary);
        for (Finding f : result.findings()) {
            errors.write(ErrorRow.of(summary.claimId(), f, view));
        }
        tally.add(result, view, risk, summary);
    }

    private void addReferenceData(List<String> lines) {
        if (lines == null) {
            return;
        }
        for (String line : lines) {
            // Bounded, should a future line carry per-claim detail: the report must not grow with claims.
            if (referenceData.size() < MAX_REFERENCE_LINES || referenceData.contains(line)) {
                referenceData.add(line);
            }
        }
    }

    /** Writes the compliance report and moves every file into place; returns the files written. */
    public List<Path> finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("report run already finished");
        }
        finished = true;
        try {
            List<InputFile> inputs = new ArrayList<>(checksums(options.inputs(), "claims"));
            inputs.addAll(checksums(options.history(), "history"));
            Instant end = options.clock().instant();
            RunInfo run = new RunInfo(startedAt, end, Duration.between(startedAt, end).toMillis(), options.auditDate(),
                    ruleSetVersion, List.copyOf(referenceData), inputs);
            writeCompliance(tally.build(run, options.topN()));
            List<AtomicFile> all = new ArrayList<>(summaries.finish());
            all.addAll(errors.finish());
            all.addAll(pending);
            // Renames only now that every file is complete; if one fails, abort() drops the rest.
            List<Path> written = new ArrayList<>();
            for (AtomicFile f : all) {
                written.add(f.commit());
            }
            return written;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void writeCompliance(ComplianceReport report) throws IOException {
        Set<ReportFormat> formats = options.formats();
        if (formats.contains(ReportFormat.JSON)) {
            byte[] json = ReportJson.REPORT.writeValueAsBytes(report);
            write(COMPLIANCE_REPORT + ".json", json);
        }
        if (formats.contains(ReportFormat.CSV)) {
            AtomicFile f = create(COMPLIANCE_REPORT + ".csv");
            JsonNode tree = ReportJson.REPORT.readTree(ReportJson.REPORT.writeValueAsBytes(report));
            TidyCsv.write(tree, new CsvWriter(f.stream()));
        }
        String html = formats.contains(ReportFormat.HTML) || formats.contains(ReportFormat.PDF)
                ? ComplianceHtml.render(report) : null;
        if (formats.contains(ReportFormat.HTML)) {
            write(COMPLIANCE_REPORT + ".html", html.getBytes(StandardCharsets.UTF_8));
        }
        if (formats.contains(ReportFormat.PDF)) {
            CompliancePdf.write(html, create(COMPLIANCE_REPORT + ".pdf").stream());
        }
    }

    private void write(String name, byte[] content) throws IOException {
        create(name).stream().write(content);
    }

    private AtomicFile create(String name) throws IOException {
        AtomicFile f = AtomicFile.create(dir.resolve(name), wrap);
        pending.add(f);
        return f;
    }

    private static List<InputFile> checksums(List<Path> files, String role) throws IOException {
        List<InputFile> out = new ArrayList<>(files.size());
        for (Path p : files) {
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(p), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            out.add(new InputFile(p.toString(), role, Files.size(p), HexFormat.of().formatHex(sha.digest())));
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void abort() {
        summaries.abort();
        errors.abort();
        pending.forEach(AtomicFile::abort);
        pending.clear();
    }

    /** Without a successful {@link #finish}, drops every temporary file: no half report appears. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            abort();
        }
    }
}
