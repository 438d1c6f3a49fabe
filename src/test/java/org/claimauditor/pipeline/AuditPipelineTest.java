package org.claimauditor.pipeline;

import org.claimauditor.bench.ClaimGenerator;
import org.claimauditor.bench.QuarterGenerator;
import org.claimauditor.bench.Universe;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.TestRules;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.pipeline.sink.JsonArrayResults;
import org.claimauditor.pipeline.sink.JsonLinesResults;
import org.claimauditor.pipeline.sink.ResultSink;
import org.claimauditor.pipeline.source.ClaimFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streamed pipeline gives exactly the results of auditing the whole batch in memory, in input order. */
class AuditPipelineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @TempDir
    static Path dir;

    static RuleSet rules;
    static Reference reference;
    static Path claimsFile;
    static Path historyFile;

    /** Generated claims over a smoke quarter: visits of 2-3 claims share patient and day; every fifth is history. */
    @BeforeAll
    static void generate() throws IOException {
        Path quarter = dir.resolve("quarter");
        Files.createDirectories(quarter);
        Universe u = QuarterGenerator.generate(quarter, 7, QuarterGenerator.Size.SMOKE);
        reference = Reference.ofNcci(NcciLoader.load(quarter));
        rules = TestRules.shipped();
        List<Claim> claims = new ArrayList<>();
        List<Claim> history = new ArrayList<>();
        Iterator<Claim> it = ClaimGenerator.claims(u, 7, 3_000);
        for (int i = 0; it.hasNext(); i++) {
            (i % 5 == 0 ? history : claims).add(it.next());
        }
        claimsFile = dir.resolve("claims.jsonl");
        historyFile = dir.resolve("history.jsonl");
        ClaimGenerator.writeJsonl(claims.iterator(), claimsFile);
        ClaimGenerator.writeJsonl(history.iterator(), historyFile);
        // one unreadable entry in the middle: an ERROR result in its place
        List<String> lines = new ArrayList<>(Files.readAllLines(claimsFile));
        lines.add(1_000, "{\"claimId\": \"BROKEN\", \"lines\": 5}");
        Files.write(claimsFile, lines);
    }

    static List<AuditResult> inMemory(boolean withHistory) {
        List<ClaimInput> in = ClaimFiles.readAll(List.of(claimsFile));
        List<Claim> prior = new ArrayList<>();
        if (withHistory) {
            ClaimFiles.readAll(List.of(historyFile)).forEach(h -> prior.add(h.claim()));
        }
        return AuditEngine.audit(rules, reference, in, prior, TODAY);
    }

    /** Collects what the sinks get, to compare; a test sink, the real ones write the same pairs to files. */
    static class Collect implements ResultSink {
        final List<ClaimInput> inputs = new ArrayList<>();
        final List<AuditResult> results = new ArrayList<>();

        @Override
        public void accept(ClaimInput input, AuditResult result) {
            inputs.add(input);
            results.add(result);
        }

        @Override
        public List<Path> finish() {
            return List.of();
        }

        @Override
        public void close() { }
    }

    static AuditPipeline.Outcome stream(Path tmp, long partitionBytes, List<ResultSink> sinks) throws IOException {
        return AuditPipeline.run(new AuditPipeline.Settings(rules, reference, TODAY, Limits.DEFAULTS, tmp, w -> { },
                        partitionBytes),
                new ClaimFiles(List.of(claimsFile), Limits.DEFAULTS),
                new ClaimFiles(List.of(historyFile), Limits.DEFAULTS), sinks);
    }

    /** Equal lists, reported by the first difference rather than by printing 2,401 results. */
    static void assertSame(List<AuditResult> got, List<AuditResult> expected) {
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).as("result %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void manyPartitionsGiveTheResultsOfOneBatchInInputOrder() throws IOException {
        List<AuditResult> expected = inMemory(true);
        assertThat(inMemory(false)).as("the history changes some findings, so joining it is tested")
                .isNotEqualTo(expected);
        Collect got = new Collect();
        Path tmp = Files.createDirectories(dir.resolve("tmp-many"));
        AuditPipeline.Outcome outcome = stream(tmp, Files.size(claimsFile) / 37, List.of(got));

        assertThat(outcome.partitions()).isGreaterThanOrEqualTo(37);
        assertThat(outcome.historyClaims()).isEqualTo(600);
        assertSame(got.results, expected);
        assertThat(got.inputs).extracting(ClaimInput::index).containsExactlyElementsOf(
                Stream.iterate(0, i -> i + 1).limit(2_401).toList());
        assertThat(got.results.get(1_000).status()).isEqualTo(AuditResult.Status.ERROR);
        assertThat(got.results.get(1_000).error()).contains("claims.jsonl:1001").contains("$.lines");
        assertThat(outcome.totals().results()).isEqualTo(2_401);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("the temporary folder is gone").isEmpty();
        }
    }

    @Test
    void onePartitionGivesTheSameResults() throws IOException {
        Collect got = new Collect();
        AuditPipeline.Outcome outcome = stream(Files.createDirectories(dir.resolve("tmp-one")), Long.MAX_VALUE / 4,
                List.of(got));
        assertThat(outcome.partitions()).isEqualTo(1);
        assertSame(got.results, inMemory(true));
    }

    @Test
    void aFailedRunLeavesNoFileThatLooksComplete() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out-fail"));
        ResultSink failing = new Collect() {
            @Override
            public void accept(ClaimInput input, AuditResult result) {
                if (input.index() == 500) {
                    throw new IllegalStateException("disk gone");
                }
            }
        };
        RunReference run = RunReference.of(rules, reference);
        List<ResultSink> sinks = List.of(new JsonArrayResults(out, run), new JsonLinesResults(out, run), failing);
        try {
            assertThatThrownBy(() -> stream(out, 100_000, sinks)).hasMessage("disk gone");
        } finally {
            sinks.forEach(ResultSink::close);
        }
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).as("no results, no temporary file or folder").isEmpty();
        }
    }
}
