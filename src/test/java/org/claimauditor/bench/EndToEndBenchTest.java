package org.claimauditor.bench;

import org.claimauditor.pipeline.source.InputFormat;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSetLoader;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.report.ResultsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of {@code bench e2e} that run in seconds; the whole mode runs in PackagedJarIT. */
class EndToEndBenchTest {

    static final int N = 1_000;

    @TempDir
    static Path dir;
    static Universe universe;
    static NcciTables tables;

    @BeforeAll
    static void quarter() {
        universe = QuarterGenerator.generate(dir.resolve("ncci"), 11, QuarterGenerator.Size.SMOKE);
        tables = NcciLoader.load(dir.resolve("ncci"));
    }

    static List<Claim> generated(int n) {
        List<Claim> out = new ArrayList<>();
        ClaimGenerator.claims(universe, 5, n).forEachRemaining(out::add);
        return out;
    }

    @Test
    void claimFilesReadBackExactlyAndAreReusedWhenComplete() throws Exception {
        Path claimsDir = dir.resolve("claims");
        ClaimFiles files = ClaimFiles.generate(claimsDir, universe, 5, N, 300);
        assertThat(files.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("claims-00001.jsonl", "claims-00002.jsonl", "claims-00003.jsonl", "claims-00004.jsonl");
        assertThat(Files.readAllLines(files.files().get(3))).hasSize(100);
        assertThat(files.bytes()).isEqualTo(Files.size(files.files().get(0)) + Files.size(files.files().get(1))
                + Files.size(files.files().get(2)) + Files.size(files.files().get(3)));
        // the audit reads the folder: same files, same order, every claim as generated
        assertThat(InputFormat.expand(List.of(claimsDir))).isEqualTo(files.files());
        List<Claim> read;
        try (Stream<ClaimInput> in = new org.claimauditor.pipeline.source.ClaimFiles(files.files(), Limits.DEFAULTS).claims()) {
            read = in.map(ClaimInput::claim).toList();
        }
        assertThat(read).isEqualTo(generated(N));

        // the reference spills the claims by patient and checks partition by partition: same findings as all at once
        ReferenceRun ref = ReferenceRun.run(tables, files.files(), dir.resolve("spill"));
        assertThat(ref.claimIds()).isEqualTo(read.stream().map(Claim::claimId).toList());
        List<RefFinding> allAtOnce = ReferenceChecker.check(tables, read);
        assertThat(allAtOnce).isNotEmpty();
        assertThat(ReferenceChecker.diff(allAtOnce, ref.findings())).isEmpty();
        assertThat(dir.resolve("spill")).doesNotExist();

        FileTime written = Files.getLastModifiedTime(files.files().get(0));
        Files.setLastModifiedTime(files.files().get(0), FileTime.fromMillis(written.toMillis() - 60_000));
        FileTime aged = Files.getLastModifiedTime(files.files().get(0));
        assertThat(ClaimFiles.generate(claimsDir, universe, 5, N, 300)).isEqualTo(files);
        assertThat(Files.getLastModifiedTime(files.files().get(0))).as("reused, not rewritten").isEqualTo(aged);
        ClaimFiles fewer = ClaimFiles.generate(claimsDir, universe, 5, 250, 300);
        assertThat(fewer.files()).hasSize(1);
        assertThat(Files.readAllLines(fewer.files().get(0))).hasSize(250);
    }

    @Test
    void gcLogGivesPeakUseLiveHeapAndCommittedSize() throws Exception {
        GcLog log = GcLog.parse(Path.of("src/test/resources/bench/gc-sample.log"));
        // before of the full GC (1023M) is less than the use at exit (1047552K = 1023M), so the exit line decides
        assertThat(log.peakUsedBytes()).isEqualTo(1_047_552L << 10);
        assertThat(log.maxAfterGcBytes()).isEqualTo(1001L << 20);
        assertThat(log.maxCommittedBytes()).isEqualTo(1L << 30);
        assertThat(log.collections()).isEqualTo(6);
        assertThat(GcLog.option(Path.of("x/gc.log"))).isEqualTo("-Xlog:gc,gc+heap+exit:file=x/gc.log");
    }

    @Test
    void findingsOfAResultsFileAreComparedClaimForClaim() throws Exception {
        List<Claim> claims = generated(400);
        List<ClaimInput> inputs = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            inputs.add(ClaimInput.ok(i, "generated", claims.get(i)));
        }
        List<AuditResult> results = AuditEngine.audit(new RuleSetLoader(Path.of("rules"), Path.of("payer-policies")).load(),
                Reference.ofNcci(tables), inputs, LocalDate.parse(EndToEndBench.TODAY));
        List<String> ids = claims.stream().map(Claim::claimId).toList();
        List<RefFinding> expected = ReferenceChecker.check(tables, claims);
        assertThat(expected).isNotEmpty();

        Path arrayDir = Files.createDirectories(dir.resolve("out-array"));
        writeArray(arrayDir, results);
        assertThat(ResultFindings.find(arrayDir)).isEqualTo(arrayDir.resolve("audit-results.json"));
        ResultFindings same = ResultFindings.read(ResultFindings.find(arrayDir), ids);
        assertThat(same.results()).isEqualTo(400);
        assertThat(same.problems()).isEmpty();
        assertThat(ReferenceChecker.diff(expected, same.findings())).isEmpty();

        // JSON Lines, preferred over the array, with a line that is not a result and the results in another order
        List<AuditResult> reversed = new ArrayList<>(results);
        java.util.Collections.reverse(reversed);
        Path jsonl = writeJsonl(arrayDir, reversed);
        assertThat(ResultFindings.find(arrayDir)).isEqualTo(jsonl);
        ResultFindings lines = ResultFindings.read(jsonl, ids);
        assertThat(lines.problems()).isEmpty();
        assertThat(ReferenceChecker.diff(expected, lines.findings())).isEmpty();

        // one NCCI finding dropped from one claim, and one result missing: both are named
        int victim = expected.get(0).claimIndex();
        List<AuditResult> changed = new ArrayList<>(results);
        AuditResult r = changed.get(victim);
        List<Finding> fewer = r.findings().stream().filter(f -> !ReferenceChecker.RULE_IDS.contains(f.ruleId())).toList();
        changed.set(victim, new AuditResult(r.claimId(), r.status(), fewer, r.ruleSetVersion(), r.referenceData(), r.error()));
        changed.remove(399);
        Path changedDir = Files.createDirectories(dir.resolve("out-changed"));
        ResultFindings differ = ResultFindings.read(writeArray(changedDir, changed), ids);
        assertThat(differ.problems()).isEqualTo("1 input claims have no result, the first #399");
        assertThat(ReferenceChecker.diff(expected, differ.findings())).contains("expected but missing")
                .contains("claim #" + victim + " " + expected.get(0).ruleId());
    }

    private static Path writeJsonl(Path outDir, List<AuditResult> results) throws Exception {
        Path f = outDir.resolve(ResultFindings.JSONL);
        var compact = ResultsFile.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("{\"run\":{\"ruleSetVersion\":\"x\",\"referenceData\":[\"NCCI\"]}}\n");
            for (AuditResult r : results) {
                w.write(compact.writeValueAsString(r));
                w.write('\n');
            }
        }
        return f;
    }

    @Test
    void theAuditJarIsFoundFromTheCodeSource() {
        assertThat(ChildAudit.jarOf("jar:nested:/opt/app/claim-auditor.jar/!BOOT-INF/classes/!/"))
                .isEqualTo(Path.of("/opt/app/claim-auditor.jar"));
        assertThat(ChildAudit.jarOf("jar:file:/opt/my%20app/claim-auditor.jar!/BOOT-INF/classes!/"))
                .isEqualTo(Path.of("/opt/my app/claim-auditor.jar"));
        assertThat(ChildAudit.jarOf("file:/opt/app/claim-auditor.jar")).isEqualTo(Path.of("/opt/app/claim-auditor.jar"));
        assertThat(ChildAudit.jarOf("file:/work/target/classes/")).isNull();
        assertThat(ChildAudit.runningJar()).as("tests run from target/classes").isNull();
    }

    /** audit-results.json as the audit writes it: one array of results. */
    private static Path writeArray(Path dir, List<AuditResult> results) throws java.io.IOException {
        Path file = dir.resolve("audit-results.json");
        ResultsFile.JSON.writeValue(file.toFile(), results);
        return file;
    }
}
