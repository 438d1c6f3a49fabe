package org.claimauditor.pipeline.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Severity;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.report.ReportFormat;
import org.claimauditor.report.ReportRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every file of a run: the same permissions (those of any new file under the process umask), money with two decimals. */
class OutputFilesTest {

    @TempDir
    Path dir;

    List<Path> writeRun() throws IOException {
        Claim claim = new Claim("M-1", Claim.ClaimType.PROFESSIONAL, "MEDICARE",
                new Claim.Patient("P", LocalDate.of(1960, 1, 1), Claim.Sex.F), new Claim.Provider("1234567893", null),
                null, "11", null, List.of("E11.9"), List.of(new Claim.ServiceLine(1, LocalDate.of(2026, 1, 5), null,
                "99213", List.of(), 1, new BigDecimal("110"), List.of(1), null, null)));
        // An amount as the engine gives it: two decimals even when the claim's charge was "110"
        Finding f = new Finding("R-1", Category.CLAIM_DATA, Severity.ERROR, List.of(1), "m", "s", "fix",
                new BigDecimal("110.00"), null);
        AuditResult result = new AuditResult("M-1", AuditResult.Status.REJECT, List.of(f), "rs", List.of("ref"), null);
        RunReference run = new RunReference("rs", List.of("ref"));
        List<ResultSink> sinks = List.of(
                new ReportSink(dir, ReportRun.Options.of(EnumSet.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML),
                        List.of())),
                new JsonArrayResults(dir, run),
                new RunFile(dir, run, null, Instant.EPOCH, Clock.systemUTC(), List.of(JsonArrayResults.FILE)));
        List<Path> written = new ArrayList<>();
        for (ResultSink s : sinks) {
            s.accept(ClaimInput.ok(0, "x:1", claim), result);
            written.addAll(s.finish());
        }
        return written;
    }

    @Test
    void everyFileOfARunHasThePermissionsOfANewFile() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        List<Path> written = writeRun();
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));
        Map<String, Set<PosixFilePermission>> modes = new HashMap<>();
        for (Path p : written) {
            modes.put(p.getFileName().toString(), Files.getPosixFilePermissions(p));
        }
        assertThat(modes).containsKeys("audit-results.json", "audit-run.json", "compliance-report.html", "error-report.csv");
        assertThat(modes.values()).allMatch(plain::equals);
    }

    @Test
    void moneyHasTwoDecimalsInResultsAndReports() throws IOException {
        writeRun();
        ObjectMapper m = new ObjectMapper();
        String results = Files.readString(dir.resolve("audit-results.json"));
        assertThat(results).contains("\"amountAtRisk\" : 110.00");
        JsonNode summary = m.readTree(dir.resolve("claim-summaries.json").toFile()).get(0);
        assertThat(Files.readString(dir.resolve("claim-summaries.json"))).contains("\"totalCharge\":110.00")
                .contains("\"amountAtRisk\":110.00");
        assertThat(summary.get("claimId").asText()).isEqualTo("M-1");
        assertThat(Files.readString(dir.resolve("error-report.csv"))).contains(",110.00,");
        assertThat(Files.readString(dir.resolve("compliance-report.json"))).contains("\"totalCharge\" : 110.00");
    }
}
