package org.claimauditor.api;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.Reference;
import org.claimauditor.report.ReportFormat;
import org.claimauditor.report.ReportRun;
import org.claimauditor.pipeline.AuditPipeline;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.pipeline.sink.JsonArrayResults;
import org.claimauditor.pipeline.sink.ReportSink;
import org.claimauditor.pipeline.sink.ResultSink;
import org.claimauditor.pipeline.sink.RunFile;
import org.claimauditor.pipeline.source.X12Claims;
import org.claimauditor.pipeline.source.csv.CsvClaimReader;
import org.claimauditor.pipeline.source.fhir.FhirClaimReader;
import org.claimauditor.history.HashedStream;
import org.claimauditor.history.HistorySink;
import org.claimauditor.history.InputFile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Pre-screen one claim, or audit a batch (JSON array or JSON Lines, an X12 837 file, a FHIR R4 Claim or Bundle, a
 * CSV extract). No media type a browser may send to another site without asking first (text/plain, forms):
 * accepting them would let any web page drive this. {@code application/edi-x12}, {@code application/fhir+json} and
 * {@code text/csv} need a CORS preflight, which a cross-site page is refused.
 */
@RestController
@RequestMapping("/api/v1")
class AuditController {

    private final RuleService rules;
    private final Reference ref;
    private final Clock clock;
    /** Read and engine limits (auditor.limits.*); the body is read as bytes by the CLI's reader, so both answer alike. */
    private final Limits limits;

    /** X12 837P/837I (RFC 1767). */
    static final String EDI_X12 = "application/edi-x12";

    /** Absent in the web-slice tests, which run without a database. */
    private final ObjectProvider<RestHistory> history;

    AuditController(RuleService rules, Reference ref, Clock clock, Limits limits, ObjectProvider<RestHistory> history) {
        this.rules = rules;
        this.ref = ref;
        this.clock = clock;
        this.limits = limits;
        this.history = history;
    }

    static final String FHIR_JSON = "application/fhir+json";
    static final String CSV = "text/csv";

    @PostMapping(path = "/claims/audit", consumes = {MediaType.APPLICATION_JSON_VALUE, EDI_X12, FHIR_JSON},
            produces = MediaType.APPLICATION_JSON_VALUE)
    AuditResult auditOne(InputStream request,
                         @RequestHeader(value = "Content-Type", required = false) String contentType,
                         Principal user) throws IOException {
        Instant startedAt = clock.instant();
        HashedStream body = new HashedStream(request);
        ClaimInput input;
        if (is(contentType, EDI_X12)) {
            List<ClaimInput> all = X12Claims.readAll(body, "request", limits);
            input = all.size() == 1 ? all.get(0) : ClaimInput.failed(0, "request", null,
                    "request: expected exactly one claim (CLM segment), found " + all.size()
                            + "; send files of several claims to /api/v1/audits");
        } else if (is(contentType, FHIR_JSON)) {
            List<ClaimInput> all = FhirClaimReader.read(body.readAllBytes(), "request", limits);
            input = all.size() == 1 ? all.get(0) : ClaimInput.failed(0, "request", null,
                    "request: expected exactly one Claim, found " + all.size());
        } else {
            input = ClaimReader.readOne(body, "request", limits);
        }
        if (!input.readable()) {
            throw new UnreadableClaimException(input.error());
        }
        RuleSet rs = rules.current();
        LocalDate today = LocalDate.now(clock);
        AuditResult result = AuditEngine.auditOne(rs, ref, input, today, limits);
        RestHistory h = history.getIfAvailable();
        if (h != null && h.recordsPreScreens()) {
            try (HistorySink sink = h.sink(rs, ref, today, startedAt, user, drained(body))) {
                AuditPipeline.write(List.of(input), List.of(result), List.of(sink));
            }
        }
        return result;
    }

    /** The whole request body's hash and size (read to its end if a reader stopped at the last claim). */
    private static InputFile drained(HashedStream body) throws IOException {
        return body.input("request");
    }

    /**
     * The batch endpoint's reports: audits the body like {@code /audits} and answers a ZIP holding
     * audit-results.json, audit-run.json and the claim summaries, error report and compliance report in JSON, CSV
     * and HTML — the files the {@code audit} command writes. (The JSON answers of {@code /claims/audit} and
     * {@code /audits} keep each result's full {@code referenceData}: one answer is small, and a client needs no
     * second file to read it.)
     */
    @PostMapping(path = "/audits/reports",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE, "application/jsonl",
                    EDI_X12, FHIR_JSON, CSV},
            produces = "application/zip")
    ResponseEntity<byte[]> auditBatchReports(InputStream request,
                                             @RequestHeader(value = "Content-Type", required = false) String contentType,
                                             Principal user)
            throws IOException {
        Instant startedAt = clock.instant();
        HashedStream body = new HashedStream(request);
        List<ClaimInput> inputs = readBatch(body, contentType);
        LocalDate today = LocalDate.now(clock);
        RuleSet rs = rules.current(); // one rule set for the results and the reports, even if a reload comes between
        List<AuditResult> results = AuditEngine.audit(rs, ref, inputs, today, limits);
        Path dir = Files.createTempDirectory("audit-reports");
        RunReference run = RunReference.of(rs, ref);
        List<ResultSink> sinks = new ArrayList<>();
        try {
            // No PDF here: a pre-screen client reads the JSON, and rendering pages would slow every request.
            sinks.add(new ReportSink(dir, ReportRun.Options.of(
                    EnumSet.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML), List.of())
                    .withAuditDate(today).withPlausibility(rs.plausibility())
                    .withRuleDescriptions(ReportRun.descriptions(rs.catalog()))));
            sinks.add(new JsonArrayResults(dir, run));
            RestHistory h = history.getIfAvailable();
            if (h != null && h.recordsBatches()) {
                sinks.add(h.sink(rs, ref, today, startedAt, user, drained(body)));
            }
            sinks.add(new RunFile(dir, run, today, clock.instant(), clock, List.of(JsonArrayResults.FILE)));
            List<Path> files = AuditPipeline.write(inputs, results, sinks);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                for (Path f : files) {
                    out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return ResponseEntity.ok()
                    .header("Content-Disposition", "attachment; filename=\"audit-reports.zip\"")
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .body(zip.toByteArray());
        } finally {
            sinks.forEach(ResultSink::close);
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    /** A malformed claim in the batch yields an ERROR result for that claim, never a failed batch. */
    @PostMapping(path = "/audits",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE, "application/jsonl",
                    EDI_X12, FHIR_JSON, CSV},
            produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditResult> auditBatch(InputStream request,
                                 @RequestHeader(value = "Content-Type", required = false) String contentType,
                                 Principal user)
            throws IOException {
        Instant startedAt = clock.instant();
        HashedStream body = new HashedStream(request);
        List<ClaimInput> inputs = readBatch(body, contentType);
        RuleSet rs = rules.current();
        LocalDate today = LocalDate.now(clock);
        List<AuditResult> results = AuditEngine.audit(rs, ref, inputs, today, limits);
        RestHistory h = history.getIfAvailable();
        if (h != null && h.recordsBatches()) {
            try (HistorySink sink = h.sink(rs, ref, today, startedAt, user, drained(body))) {
                AuditPipeline.write(inputs, results, List.of(sink));
            }
        }
        return results;
    }

    /** The claims of a batch body, read by the reader of its media type; every claim in gives one entry. */
    private List<ClaimInput> readBatch(InputStream body, String contentType) throws IOException {
        if (is(contentType, EDI_X12)) {
            return X12Claims.readAll(body, "request", limits);
        }
        if (is(contentType, FHIR_JSON)) {
            return FhirClaimReader.read(body.readAllBytes(), "request", limits);
        }
        if (is(contentType, CSV)) {
            return CsvClaimReader.read(body, "request", limits);
        }
        boolean jsonLines = contentType != null && (contentType.contains("ndjson") || contentType.contains("jsonl"));
        return ClaimReader.read(body, "request", jsonLines, 0, limits);
    }

    private static boolean is(String contentType, String type) {
        return contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType(type));
    }
}
