package org.claimauditor.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.claimauditor.bench.ClaimGenerator;
import org.claimauditor.bench.QuarterGenerator;
import org.claimauditor.bench.Universe;
import org.claimauditor.codes.CodeSetLoader;
import org.claimauditor.codes.CodeSets;
import org.claimauditor.engine.CompiledRuleCache;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.RuleSetLoader;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.pipeline.AuditPipeline;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.pipeline.sink.JsonLinesResults;
import org.claimauditor.pipeline.sink.ReportSink;
import org.claimauditor.pipeline.sink.ResultSink;
import org.claimauditor.pipeline.source.ClaimFiles;
import org.claimauditor.pipeline.source.InputFormat;
import org.claimauditor.report.ReportFormat;
import org.claimauditor.report.ReportRun;
import org.claimauditor.report.ResultsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job in {@code local[2]} against the single-machine pipeline ({@code audit}) on the same inputs: the same
 * result line for every claim, and the compliance report's totals and rows by rule, provider and payer.
 */
class SparkEquivalenceTest {

    static final Path WORK = Path.of("target/equivalence");
    static final Path ROOT = Path.of("..");
    static final LocalDate TODAY = LocalDate.parse("2026-06-30");
    static final long SEED = 20261129;
    static final String CACHE = "target/rule-cache";

    static SparkSession spark;
    static Path quarter;
    static Path generated;
    static Universe universe;

    @BeforeAll
    static void setUp() throws IOException {
        deleteTree(WORK);
        quarter = WORK.resolve("quarter");
        Files.createDirectories(quarter);
        Universe u = QuarterGenerator.generate(quarter, SEED, QuarterGenerator.Size.SMOKE);
        universe = u;
        generated = WORK.resolve("generated");
        Files.createDirectories(generated);
        // two files: patients of both meet in the same Spark partitions, as they meet in audit's
        ClaimGenerator.writeJsonl(ClaimGenerator.claims(u, SEED, 5_000), generated.resolve("claims-1.jsonl"));
        ClaimGenerator.writeJsonl(ClaimGenerator.claims(u, SEED + 1, 5_000), generated.resolve("claims-2.jsonl"));
        spark = SparkSession.builder().master("local[2]").appName("equivalence")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void tenThousandGeneratedClaimsGiveTheSameResultsAndAggregates() throws IOException {
        List<Path> inputs = List.of(generated.toAbsolutePath());
        Path single = singleMachine(inputs, quarter, null, WORK.resolve("single"));
        Path out = WORK.resolve("spark");
        SparkAudit.Outcome outcome = sparkAudit(out, quarter, null, "jsonl", inputs);

        List<String> expected = sortedLines(Files.readAllLines(single.resolve(JsonLinesResults.FILE)));
        List<String> actual = sortedLines(partLines(out.resolve(SparkAudit.RESULTS)));
        assertThat(expected).hasSize(10_000);
        assertThat(actual).hasSize(expected.size());
        assertThat(actual).isEqualTo(expected);

        JsonNode report = ResultsFile.JSON.readTree(single.resolve(ReportRun.COMPLIANCE_REPORT + ".json").toFile());
        JsonNode summary = ResultsFile.JSON.readTree(out.resolve(SparkAudit.SUMMARY).toFile());
        JsonNode totals = summary.get("totals");
        for (String k : List.of("read", "pass", "review", "reject", "error")) {
            assertThat(totals.get("claims").get(k).asLong()).as(k).isEqualTo(report.get("claims").get(k).asLong());
        }
        assertThat(outcome.claims().get("read")).isEqualTo(10_000L);
        assertThat(totals.get("totalCharge").decimalValue()).isEqualByComparingTo(report.get("claims").get("totalCharge").decimalValue());
        assertThat(totals.get("amountAtRisk").decimalValue()).isEqualByComparingTo(report.get("claims").get("amountAtRisk").decimalValue());
        for (String k : List.of("total", "error", "warning", "info")) {
            assertThat(totals.get("findings").get(k).asLong()).as(k).isEqualTo(report.get("findings").get(k).asLong());
        }
        assertThat(totals.get("findingsAtRisk").decimalValue()).isEqualByComparingTo(report.get("findings").get("amountAtRisk").decimalValue());
        assertThat(report.get("findings").get("total").asLong()).isGreaterThan(1_000);
        assertThat(rows(totals.get("byRule"), "ruleId", "category", "severity", "findings", "claims", "amountAtRisk"))
                .isEqualTo(rows(report.get("byRule"), "ruleId", "category", "severity", "findings", "claims", "amountAtRisk"));
        assertThat(rows(jsonParts(out.resolve(SparkAudit.BY_PROVIDER)), "npi", "claims", "lines", "findings", "amountAtRisk"))
                .isEqualTo(rows(report.get("byProvider").get("rows"), "npi", "claims", "lines", "findings", "amountAtRisk"));
        assertThat(rows(jsonParts(out.resolve(SparkAudit.BY_PAYER)), "payerId", "claims", "rejected", "findings", "amountAtRisk"))
                .isEqualTo(rows(report.get("byPayer").get("rows"), "payerId", "claims", "rejected", "findings", "amountAtRisk"));
    }

    /** The bundled samples (with an unreadable claim), a CSV extract, NCCI sample tables and code sets. */
    @Test
    void samplesWithBrokenClaimsCsvAndCodeSetsGiveTheSameResults() throws IOException {
        Path in = WORK.resolve("samples");
        Files.createDirectories(in);
        Files.copy(ROOT.resolve("test-claims/samples/sample-claims.jsonl"), in.resolve("sample-claims.jsonl"));
        Files.copy(ROOT.resolve("src/test/resources/input-formats/csv/claims.csv"), in.resolve("claims.csv"));
        Files.writeString(in.resolve("broken.jsonl"), "{\"claimId\": \"B-1\", \"claimType\": \"PROFESSIONAL\"\n"
                + "{\"claimId\": \"B-2\", \"bogus\": 1}\n");
        List<Path> inputs = List.of(in.toAbsolutePath());
        Path ncci = ROOT.resolve("test-claims/ncci-sample");
        Path codes = ROOT.resolve("test-claims/code-sets-sample");
        Path single = singleMachine(inputs, ncci, codes, WORK.resolve("samples-single"));
        Path out = WORK.resolve("samples-spark");
        sparkAudit(out, ncci, codes, "jsonl", inputs);

        List<String> expected = sortedLines(Files.readAllLines(single.resolve(JsonLinesResults.FILE)));
        assertThat(expected).anyMatch(l -> l.contains("\"status\":\"ERROR\"") && l.contains("broken.jsonl:2"));
        assertThat(sortedLines(partLines(out.resolve(SparkAudit.RESULTS)))).isEqualTo(expected);
    }

    /** Claims as Parquet in ({@link ClaimSchema}), results as Parquet out. */
    @Test
    void parquetClaimsGiveTheSameResultsAsParquet() throws IOException {
        Path jsonl = WORK.resolve("parquet-in/claims-3.jsonl").toAbsolutePath();
        Files.createDirectories(jsonl.getParent());
        ClaimGenerator.writeJsonl(ClaimGenerator.claims(universe, SEED + 2, 1_000), jsonl);
        Path parquet = WORK.resolve("claims-3.parquet").toAbsolutePath();
        spark.read().schema(ClaimSchema.CLAIM).json(jsonl.toString()).write().mode(SaveMode.Overwrite).parquet(parquet.toString());
        Path single = singleMachine(List.of(jsonl), quarter, null, WORK.resolve("parquet-single"));
        Path out = WORK.resolve("parquet-spark");
        sparkAudit(out, quarter, null, "parquet", List.of(parquet));

        Dataset<Row> expected = spark.read().schema(SparkAudit.RESULT).json(single.resolve(JsonLinesResults.FILE).toString());
        Dataset<Row> actual = spark.read().parquet(out.resolve(SparkAudit.RESULTS).toString());
        assertThat(actual.count()).isEqualTo(1_000L);
        assertThat(actual.schema()).isEqualTo(expected.schema());
        assertThat(expected.exceptAll(actual).count()).isZero();
        assertThat(actual.exceptAll(expected).count()).isZero();
    }

    /** The single-machine run: audit's pipeline with its JSON Lines results and JSON compliance report. */
    static Path singleMachine(List<Path> inputs, Path ncci, Path codeSets, Path out) throws IOException {
        Files.createDirectories(out);
        RuleSet rules = new RuleSetLoader(ROOT.resolve("rules"), ROOT.resolve("payer-policies"), "MEDICARE")
                .withCache(CompiledRuleCache.at(Path.of(CACHE))).load();
        CodeSets codes = codeSets == null ? CodeSets.EMPTY : CodeSetLoader.load(codeSets).codeSets();
        Reference ref = new Reference(NcciLoader.load(ncci), codes);
        List<Path> files = InputFormat.expand(inputs);
        List<ResultSink> sinks = List.of(new JsonLinesResults(out, RunReference.of(rules, ref)),
                new ReportSink(out, ReportRun.Options.of(Set.of(ReportFormat.JSON), files).withAuditDate(TODAY)
                        .withTopN(100_000).withPlausibility(rules.plausibility())));
        try {
            AuditPipeline.run(new AuditPipeline.Settings(rules, ref, TODAY, Limits.DEFAULTS, out, System.err::println),
                    new ClaimFiles(files, Limits.DEFAULTS), new ClaimFiles(List.of(), Limits.DEFAULTS), sinks);
        } finally {
            sinks.forEach(ResultSink::close);
        }
        return out;
    }

    static SparkAudit.Outcome sparkAudit(Path out, Path ncci, Path codeSets, String results, List<Path> inputs)
            throws IOException {
        SparkAudit job = new SparkAudit();
        List<String> args = new ArrayList<>(List.of("--rules", ROOT.resolve("rules").toString(),
                "--payer-policies", ROOT.resolve("payer-policies").toString(), "--ncci-dir", ncci.toString(),
                "--rule-cache", CACHE, "--today", TODAY.toString(), "--results", results, "--out", out.toString()));
        if (codeSets != null) {
            args.addAll(List.of("--code-sets", codeSets.toString()));
        }
        inputs.forEach(p -> args.add(p.toString()));
        new CommandLine(job).parseArgs(args.toArray(String[]::new));
        return job.run(spark);
    }

    static List<String> partLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        return lines;
    }

    static JsonNode jsonParts(Path dir) throws IOException {
        var array = ResultsFile.JSON.createArrayNode();
        for (String line : partLines(dir)) {
            array.add(ResultsFile.JSON.readTree(line));
        }
        return array;
    }

    /** Each row as text of the named fields (amounts compared by value: 12.5 is 12.50). */
    static List<String> rows(JsonNode array, String... fields) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : array) {
            StringBuilder sb = new StringBuilder();
            for (String f : fields) {
                JsonNode v = row.get(f);
                sb.append(f).append('=').append(v == null || v.isNull() ? "null"
                        : v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText()).append(' ');
            }
            out.add(sb.toString());
        }
        return out;
    }

    static List<String> sortedLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).sorted().toList();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
