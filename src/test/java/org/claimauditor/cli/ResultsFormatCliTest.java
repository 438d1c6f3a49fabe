package org.claimauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --results json|jsonl} and {@code --tmp}: the same results in either layout, temporary files cleaned up. */
class ResultsFormatCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @Test
    void jsonLinesHoldTheSameResultsAsTheArray() throws Exception {
        Path array = tmp.resolve("array");
        Path lines = tmp.resolve("lines");
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        assertThat(Cli.run("audit", "--ncci-dir", "test-claims/ncci-sample", "--today", "2026-11-01", "--format", "json",
                "--out", array.toString(), "test-claims/samples")).isEqualTo(Cli.FINDINGS);
        assertThat(Cli.run("audit", "--ncci-dir", "test-claims/ncci-sample", "--today", "2026-11-01", "--format", "json",
                "--results", "jsonl", "--tmp", scratch.toString(), "--out", lines.toString(), "test-claims/samples"))
                .isEqualTo(Cli.FINDINGS);

        List<JsonNode> fromLines = new ArrayList<>();
        for (String line : Files.readAllLines(lines.resolve("audit-results.jsonl"))) {
            fromLines.add(JSON.readTree(line));
        }
        List<JsonNode> fromArray = new ArrayList<>();
        JSON.readTree(array.resolve("audit-results.json").toFile()).forEach(fromArray::add);
        assertThat(fromLines).hasSize(9).isEqualTo(fromArray);
        assertThat(lines.resolve("audit-results.json")).doesNotExist();
        assertThat(JSON.readTree(lines.resolve("audit-run.json").toFile()).get("results").toString())
                .isEqualTo("[\"audit-results.jsonl\"]");
        // the reports do not depend on the results layout
        assertThat(Files.readString(lines.resolve("error-report.json")))
                .isEqualTo(Files.readString(array.resolve("error-report.json")));
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("--tmp is left empty").isEmpty();
        }
    }

    /**
     * Through the streaming path (partitions spilled to --tmp, JSON Lines results): every ERROR and WARNING finding
     * carries its rule's remittance codes, INFO none, the error report has them as columns, and the compliance
     * report counts the denials by CARC.
     */
    @Test
    void remittanceCodesReachResultsErrorReportAndCompliance() throws Exception {
        Path out = tmp.resolve("out");
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        assertThat(Cli.run("audit", "--ncci-dir", "test-claims/ncci-sample", "--today", "2026-11-01", "--format", "json,csv",
                "--results", "jsonl", "--tmp", scratch.toString(), "--out", out.toString(), "test-claims/samples"))
                .isEqualTo(Cli.FINDINGS);
        java.util.Map<String, String> byRule = new java.util.HashMap<>();
        org.claimauditor.engine.TestRules.shipped().catalog().forEach(r ->
                byRule.put(r.id(), r.remittance() == null ? "none" : r.remittance().toString()));
        java.util.Set<String> seen = new java.util.TreeSet<>();
        long denials = 0;
        for (String line : Files.readAllLines(out.resolve("audit-results.jsonl"))) {
            for (JsonNode f : JSON.readTree(line).get("findings")) {
                String remit = f.get("carc").isNull() ? "none"
                        : f.get("groupCode").asText() + "-" + f.get("carc").asText()
                        + (f.get("rarc").isEmpty() ? "" : " " + String.join(" ", JSON.convertValue(f.get("rarc"), String[].class)));
                boolean info = f.get("severity").asText().equals("INFO");
                assertThat(remit).as(f.get("ruleId").asText()).isEqualTo(info ? "none" : byRule.get(f.get("ruleId").asText()));
                seen.add(remit);
                denials += info ? 0 : 1;
            }
        }
        assertThat(seen).contains("CO-236", "CO-96 N362"); // the samples have PTP and MUE denials

        List<String> csv = Files.readAllLines(out.resolve("error-report.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).endsWith(",amountAtRisk,groupCode,carc,rarc");
        assertThat(csv).anyMatch(l -> l.contains(",NCCI-MUE-") && l.endsWith(",CO,96,N362"));

        JsonNode compliance = JSON.readTree(out.resolve("compliance-report.json").toFile());
        long byCarc = 0;
        for (JsonNode r : compliance.get("byCarc")) {
            byCarc += r.get("findings").asLong();
        }
        assertThat(byCarc).isEqualTo(denials).isPositive();
    }

    @Test
    void anUnknownResultsLayoutOrATmpThatIsAFileIsAUsageError() throws Exception {
        assertThat(Cli.run("audit", "--no-ncci", "--results", "xml", "--out", tmp.toString(), "test-claims/samples"))
                .isEqualTo(Cli.USAGE);
        assertThat(streams.err().strip()).isEqualTo("--results 'xml': expected json or jsonl");
        streams.reset();
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThat(Cli.run("audit", "--no-ncci", "--tmp", file.toString(), "--out", tmp.resolve("o").toString(),
                "test-claims/samples")).isEqualTo(Cli.USAGE);
        assertThat(streams.err().strip()).isEqualTo("--tmp " + file + ": is a file, not a folder");
    }
}
