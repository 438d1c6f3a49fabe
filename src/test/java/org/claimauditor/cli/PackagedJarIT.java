package org.claimauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar the way the README does (failsafe runs this after `package`). */
class PackagedJarIT {

    @TempDir
    Path out;

    record Run(int exit, String stdout, String stderr) { }

    static Run run(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("auditor.jar", "target/claim-auditor.jar");
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", jar));
        cmd.addAll(List.of(args));
        Path stdout = Files.createTempFile("jar-out", ".txt");
        Path stderr = Files.createTempFile("jar-err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jar finished").isTrue();
        return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Test
    void auditsTheBundledSampleClaims() throws Exception {
        Run r = run("audit", "--ncci-dir", "test-claims/ncci-sample", "--out", out.toString(), "--today", "2026-11-01",
                "test-claims/samples");
        assertThat(r.exit()).as(r.stderr()).isEqualTo(Cli.FINDINGS);
        assertThat(r.stdout()).contains("Audited 9 claims").contains("PASS 2   REVIEW 0   REJECT 6   ERROR 1")
                .contains("NCCI-PTP-PAIR").contains("Results: ");
        JsonNode results = new ObjectMapper().readTree(out.resolve("audit-results.json").toFile());
        assertThat(results).hasSize(9);
        List<String> statuses = new ArrayList<>();
        results.forEach(n -> statuses.add(n.get("status").asText()));
        assertThat(statuses).containsExactly("PASS", "REJECT", "REJECT", "REJECT", "PASS", "ERROR", "REJECT", "REJECT", "REJECT");
        // the run's reference data once, in audit-run.json; each result names its rule set and payer policy
        JsonNode run = new ObjectMapper().readTree(out.resolve("audit-run.json").toFile());
        assertThat(run.get("referenceData").toString()).contains("NCCI practitioner PTP v322r0");
        assertThat(run.at("/claims/reject").asInt()).isEqualTo(6);
        assertThat(results.get(0).has("referenceData")).isFalse();
        assertThat(results.get(0).get("ruleSetVersion").asText()).isEqualTo(run.get("ruleSetVersion").asText());
        assertThat(results.get(0).get("payerPolicy").asText()).startsWith("medicare.yaml");
        assertThat(r.stdout()).contains("Run: " + out.resolve("audit-run.json").toAbsolutePath());
        assertThat(results.get(5).get("error").asText()).contains("unknown field 'diagnosisPointer'");
        // Reports in every format by default, listed in the summary.
        for (String report : List.of("claim-summaries.json", "claim-summaries.csv", "error-report.json",
                "error-report.csv", "compliance-report.json", "compliance-report.csv", "compliance-report.html")) {
            assertThat(out.resolve(report)).exists();
            assertThat(r.stdout()).contains(out.resolve(report).toAbsolutePath().toString());
        }
        JsonNode compliance = new ObjectMapper().readTree(out.resolve("compliance-report.json").toFile());
        assertThat(compliance.at("/claims/read").asInt()).isEqualTo(9);
        assertThat(compliance.at("/claims/reject").asInt()).isEqualTo(6);
        assertThat(compliance.at("/run/auditDate").asText()).isEqualTo("2026-11-01");
        assertThat(compliance.at("/run/inputs/0/path").asText()).endsWith("sample-claims.jsonl");
        assertThat(compliance.at("/run/inputs/0/sha256").asText()).hasSize(64);
    }

    @Test
    void formatChoosesTheReportFiles() throws Exception {
        Run r = run("audit", "--no-ncci", "--format", "csv", "--out", out.toString(), "test-claims/samples");
        assertThat(r.exit()).as(r.stderr()).isEqualTo(Cli.FINDINGS);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "audit-results.json", "audit-run.json", "claim-summaries.csv", "compliance-report.csv", "error-report.csv");
        }
        Run bad = run("audit", "--no-ncci", "--format", "json,docx", "--out", out.toString(), "test-claims/samples");
        assertThat(bad.exit()).isEqualTo(Cli.USAGE);
        assertThat(bad.stderr()).contains("Unknown report format 'docx'");
    }

    @Test
    void missingNcciTablesAreALoudErrorUnlessSkippedOnPurpose() throws Exception {
        Run r = run("audit", "--out", out.toString(), "test-claims/samples");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.stderr()).contains("--ncci-dir").contains("--no-ncci");
        Run skipped = run("audit", "--no-ncci", "--out", out.toString(), "test-claims/samples");
        assertThat(skipped.exit()).isEqualTo(Cli.FINDINGS);
        JsonNode run = new ObjectMapper().readTree(out.resolve("audit-run.json").toFile());
        assertThat(run.get("referenceData").toString()).contains("NCCI: not applied (--no-ncci)");
    }

    /** CI's small smoke version of the benchmark: every phase runs and the engine matches the reference checker. */
    @Test
    void benchSmokeRunsEveryPhaseAndMatchesTheReference() throws Exception {
        Run r = run("bench", "--size", "smoke", "--claims", "4000", "--chunk", "2000", "--rest-rate", "20",
                "--rest-seconds", "2", "--reloads", "1", "--work", out.toString());
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("table load: 34,833 rows").contains("reload with full tables loaded")
                .contains("batch: 4,000 claims").contains("findings identical to the reference: yes")
                .containsPattern("REST: 40 requests at 20/s over 2 s from a loopback client: p50 [0-9.]+ ms, p99 [0-9.]+ ms, max [0-9.]+ ms, errors 0");
    }

    /** CI's small version of the end-to-end benchmark: the real audit in a child JVM with a small heap, findings as the reference's. */
    @Test
    void benchE2eSmokeAuditsGeneratedFilesInAChildJvmAndMatchesTheReference() throws Exception {
        Run r = run("bench", "e2e", "--size", "smoke", "--claims", "2000", "--claims-per-file", "800", "--heap", "256m",
                "--format", "csv", "--work", out.toString());
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("claims: 2,000 in 3 JSON Lines file(s)")
                .containsPattern("run 1: audit exit 1 after [0-9.]+ s = [0-9,]+ claims/s end to end; peak heap used [0-9,]+ MB "
                        + "\\(largest after GC [0-9,]+ MB, committed [0-9,]+ MB, [0-9]+ collections\\), peak RSS [0-9,]+ MB")
                .contains("reference warmed up on 2,000 other claims")
                .containsPattern("reference \\(this JVM\\): parse [0-9.]+ s \\+ check [0-9.]+ s = [0-9,]+ claims/s "
                        + "\\(spill by patient [0-9.]+ s, not counted\\); audit/reference [0-9.]+ %")
                .containsPattern("audit-results\\.jsonl?: 2,000 results").contains("findings identical to the reference: yes");
        // without --keep the claims and the audit's output are removed; the logs stay
        assertThat(out.resolve("e2e-claims-smoke-20261125-2000")).doesNotExist();
        assertThat(out.resolve("e2e-out")).doesNotExist();
        assertThat(out.resolve("e2e-logs/audit-gc.log")).isNotEmptyFile();
    }

    @Test
    void validatesAndTestsTheShippedRules() throws Exception {
        Run v = run("validate-rules");
        assertThat(v.exit()).as(v.stderr()).isZero();
        assertThat(v.stdout()).contains("OK: ").contains(" rules built");
        Run t = run("test-rules");
        assertThat(t.exit()).as(t.stdout()).isZero();
        assertThat(t.stdout()).containsPattern("\\d+ passed, 0 failed");
    }

    @Test
    void unreadableRulesAreExitCodeTwo() throws Exception {
        Path rules = Files.createDirectories(out.resolve("rules/checks"));
        Files.writeString(rules.resolve("X.drl"), "package checks;\nrule \"x\" when then");
        Run r = run("audit", "--rules", out.resolve("rules").toString(), "--no-ncci", "--out", out.toString(), "test-claims/samples");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.stderr()).contains("X.drl:");
        Run v = run("validate-rules", "--rules", out.resolve("rules").toString());
        assertThat(v.exit()).isEqualTo(Cli.FINDINGS);
    }
}
