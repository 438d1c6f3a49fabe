package org.claimauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory does not grow with the number of claims: the packaged jar audits 200,000 claims (78 MB of JSON Lines) in a
 * 128 MB heap, through the real {@code audit} command. The command that held the run (before the streaming
 * pipeline) ran out of memory on the same input and heap.
 */
class StreamingMemoryIT {

    static final int CLAIMS = 200_000;
    static final String CLAIM = "{\"claimId\":\"M-%d\",\"claimType\":\"PROFESSIONAL\",\"payerId\":\"MEDICARE\","
            + "\"patient\":{\"id\":\"P-%d\",\"birthDate\":\"1960-01-01\",\"sex\":\"F\"},"
            + "\"billingProvider\":{\"npi\":\"1234567893\",\"tin\":\"123456789\"},\"placeOfService\":\"11\","
            + "\"receivedDate\":\"2026-03-10\",\"diagnoses\":[\"E11.9\"],\"lines\":[{\"lineNumber\":1,"
            + "\"serviceDate\":\"2026-03-0%d\",\"procedureCode\":\"99213\",\"units\":%d,\"charge\":125.00,"
            + "\"diagnosisPointers\":[1]}]}%n";

    @TempDir
    Path dir;

    /**
     * The packaged jar's {@code audit} of {@code input} in a 128 MB heap (no NCCI, JSON Lines results, CSV reports)
     * into {@code out}; checks it finished within {@code minutes} with findings (exit 1) and returns its output.
     */
    static String auditIn128Mb(Path input, Path out, int minutes) throws IOException, InterruptedException {
        String jar = System.getProperty("auditor.jar", "target/claim-auditor.jar");
        Path log = out.resolveSibling(out.getFileName() + "-stdout.txt");
        Process p = new ProcessBuilder("java", "-Xmx128m", "-jar", jar, "audit", "--no-ncci", "--today", "2026-11-01",
                "--results", "jsonl", "--format", "csv", "--out", out.toString(), input.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(minutes, TimeUnit.MINUTES)).as("audit finished").isTrue();
        String stdout = Files.readString(log);
        assertThat(p.exitValue()).as(stdout).isEqualTo(Cli.FINDINGS);
        return stdout;
    }

    @Test
    void twoHundredThousandClaimsIn128MbOfHeap() throws Exception {
        Path input = dir.resolve("claims.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < CLAIMS; i++) {
                // two claims per patient; every 10th claim has 0 units (CLAIM-UNITS-MIN), so findings are written too
                w.write(String.format(CLAIM, i, i / 2, 1 + i % 2, i % 10 == 0 ? 0 : 1));
            }
        }
        Path out = dir.resolve("out");
        String stdout = auditIn128Mb(input, out, 10);
        assertThat(stdout).contains("Audited 200000 claims").contains("audit-results.jsonl");

        JsonNode run = new ObjectMapper().readTree(out.resolve("audit-run.json").toFile());
        assertThat(run.at("/claims/read").asLong()).isEqualTo(CLAIMS);
        assertThat(run.at("/claims/reject").asLong()).isEqualTo(CLAIMS / 10);
        try (Stream<String> lines = Files.lines(out.resolve("audit-results.jsonl"))) {
            assertThat(lines.count()).isEqualTo(CLAIMS);
        }
        // input order, and the last claim's result is the last line
        assertThat(Files.readAllLines(out.resolve("audit-results.jsonl")).get(CLAIMS - 1))
                .startsWith("{\"claimId\":\"M-" + (CLAIMS - 1) + "\"");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).as("no temporary file is left")
                    .isEqualTo(List.of("audit-results.jsonl", "audit-run.json", "claim-summaries.csv",
                            "compliance-report.csv", "error-report.csv"));
        }
    }
}
