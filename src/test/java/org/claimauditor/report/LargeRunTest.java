package org.claimauditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Claim.ServiceLine;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams 1,000,000 synthetic claims (0 to 4 findings each, two million findings) through a report run with
 * JSON and CSV output, checks the totals against counts kept here, and shows the heap stays flat: nothing
 * per claim or per finding is kept. {@code -Dreports.largeRun.claims=N} changes the size.
 */
class LargeRunTest {

    static final int N = Integer.getInteger("reports.largeRun.claims", 1_000_000);
    static final long MAX_HEAP_GROWTH = 200L << 20;
    static final String[] EM = {"99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215"};
    static final String[] PAYERS = {"MEDICARE", "MEDICAID", "ACME", "BLUE", "GREEN", "RED", "GOLD"};
    static final Category[] CATEGORIES = Category.values();
    static final Severity[] SEVERITIES = Severity.values();
    static final BigDecimal[] CHARGES = {new BigDecimal("100.00"), new BigDecimal("40.00"), new BigDecimal("60.00")};
    static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);

    @TempDir
    Path dir;

    /** Expected totals, counted while generating. */
    long findings;
    final long[] bySeverity = new long[3];
    final long[] byStatus = new long[4];
    long findingCents;
    long claimCents;
    long bypassLines;

    @Test
    void millionClaimsStreamWithBoundedMemory() throws IOException {
        long t0 = System.nanoTime();
        List<String> heap = new ArrayList<>();
        long base = 0;
        long maxGrowth = 0;
        try (ReportRun run = ReportRun.open(dir, ReportRun.Options.of(EnumSet.of(ReportFormat.JSON, ReportFormat.CSV), List.of()))) {
            for (int i = 0; i < N; i++) {
                Claim claim = claim(i);
                List<Finding> fs = findings(i);
                AuditResult result = new AuditResult(claim.claimId(), AuditResult.statusOf(fs), fs, "rs-large",
                        List.of("Rule set rs-large"), null);
                byStatus[result.status().ordinal()]++;
                run.accept(ClaimInput.ok(i, "synthetic:" + i, claim), result);
                if (i + 1 == Math.min(50_000, N)) {
                    base = usedAfterGc(); // after warm-up: every provider, payer, rule and month key exists
                    heap.add(String.format("%,d claims: %,d MB used (baseline)", i + 1, base >> 20));
                } else if ((i + 1) % 250_000 == 0 || i + 1 == N) {
                    long used = usedAfterGc();
                    maxGrowth = Math.max(maxGrowth, used - base);
                    heap.add(String.format("%,d claims: %,d MB used (%+,d KB)", i + 1, used >> 20, (used - base) >> 10));
                }
            }
            run.finish();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long sizes = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                sizes += Files.size(p);
            }
        }
        System.out.printf("LargeRunTest: %,d claims, %,d findings, reports %,d MB in %,d ms (%,d claims/s); max heap growth %,d KB%n  %s%n",
                N, findings, sizes >> 20, millis, N * 1000L / Math.max(1, millis), maxGrowth >> 10, String.join("\n  ", heap));

        assertThat(maxGrowth).as("heap growth after warm-up").isLessThan(MAX_HEAP_GROWTH);
        JsonNode r = ComplianceReportTest.EXACT.readTree(dir.resolve("compliance-report.json").toFile());
        JsonNode c = r.get("claims");
        assertThat(c.get("read").asLong()).isEqualTo(N);
        assertThat(c.get("pass").asLong()).isEqualTo(byStatus[0]);
        assertThat(c.get("review").asLong()).isEqualTo(byStatus[1]);
        assertThat(c.get("reject").asLong()).isEqualTo(byStatus[2]);
        assertThat(c.get("error").asLong()).isZero();
        assertThat(c.get("lines").asLong()).isEqualTo(3L * N);
        assertThat(c.get("totalCharge").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(200L * N));
        assertThat(c.get("amountAtRisk").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(claimCents, 2));
        JsonNode f = r.get("findings");
        assertThat(f.get("total").asLong()).isEqualTo(findings);
        assertThat(f.get("error").asLong()).isEqualTo(bySeverity[0]);
        assertThat(f.get("warning").asLong()).isEqualTo(bySeverity[1]);
        assertThat(f.get("info").asLong()).isEqualTo(bySeverity[2]);
        assertThat(f.get("amountAtRisk").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(findingCents, 2));
        assertThat(r.get("modifierBypass").get("linesWithModifier").asLong()).isEqualTo(bypassLines);
        assertThat(r.get("byProvider").get("count").asInt()).isEqualTo(Math.min(N, 2_000));
        long providerCents = 0;
        for (JsonNode p : r.get("byProvider").get("rows")) {
            providerCents += p.get("amountAtRisk").decimalValue().movePointRight(2).longValueExact();
        }
        providerCents += r.get("byProvider").get("others").get("amountAtRisk").decimalValue().movePointRight(2).longValueExact();
        assertThat(providerCents).as("providers add up to the run").isEqualTo(claimCents);

        assertThat(newlines(dir.resolve("claim-summaries.csv"))).isEqualTo(N + 1L);
        assertThat(newlines(dir.resolve("error-report.csv"))).isEqualTo(findings + 1);
        assertThat(newlines(dir.resolve("claim-summaries.json"))).isEqualTo(N + 2L);
        assertThat(newlines(dir.resolve("error-report.json"))).isEqualTo(findings + 2);
        assertThat(dir.resolve("compliance-report.html")).doesNotExist();
    }

    /** Three lines: an E/M visit, 97110 (modifier 59 on every tenth claim) and 97140; 2,000 providers. */
    Claim claim(int i) {
        String npi = String.valueOf(2_000_000_000L + i % 2_000);
        LocalDate dos = DAY0.plusDays(i % 365);
        List<String> mods = i % 10 == 0 ? List.of("59") : List.of();
        if (i % 10 == 0) {
            bypassLines++;
        }
        List<ServiceLine> lines = List.of(
                new ServiceLine(1, dos, null, EM[i % EM.length], List.of(), 1, CHARGES[0], List.of(1), null, null),
                new ServiceLine(2, dos, null, "97110", mods, 1, CHARGES[1], List.of(1), null, null),
                new ServiceLine(3, dos, null, "97140", List.of(), 1, CHARGES[2], List.of(1), null, null));
        return new Claim("S-" + i, Claim.ClaimType.PROFESSIONAL, PAYERS[i % PAYERS.length],
                new Claim.Patient("P-" + i, LocalDate.of(1950, 1, 1), Claim.Sex.U), new Claim.Provider(npi, null),
                null, "11", dos, List.of("M54.50"), lines);
    }

    /** {@code i % 5} findings, rotating severity, category, rule and line; INFO findings put nothing at risk. */
    List<Finding> findings(int i) {
        int k = i % 5;
        List<Finding> out = new ArrayList<>(k);
        BitSet atRisk = new BitSet(4);
        for (int j = 0; j < k; j++) {
            Severity s = SEVERITIES[(i + j) % 3];
            int line = (i + j) % 3 + 1;
            BigDecimal amount = s == Severity.INFO ? BigDecimal.ZERO.setScale(2) : CHARGES[line - 1];
            out.add(new Finding("SYN-" + (i + j) % 12, CATEGORIES[(i + j) % CATEGORIES.length], s, List.of(line),
                    "Synthetic finding, with a comma", "synthetic source", "synthetic suggestion", amount,
                    s == Severity.INFO ? null : org.claimauditor.engine.Remittance.parse("CO-" + (96 + (i + j) % 3), "N362")));
            findings++;
            bySeverity[s.ordinal()]++;
            findingCents += amount.movePointRight(2).longValueExact();
            if (s != Severity.INFO) {
                atRisk.set(line);
            }
        }
        atRisk.stream().forEach(line -> claimCents += CHARGES[line - 1].movePointRight(2).longValueExact());
        return out;
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static long newlines(Path file) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
