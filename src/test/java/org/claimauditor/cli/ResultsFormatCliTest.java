package org.claimauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureErr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(savedErr);
    }

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

    @Test
    void anUnknownResultsLayoutOrATmpThatIsAFileIsAUsageError() throws Exception {
        assertThat(Cli.run("audit", "--no-ncci", "--results", "xml", "--out", tmp.toString(), "test-claims/samples"))
                .isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("--results 'xml': expected json or jsonl");
        err.reset();
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThat(Cli.run("audit", "--no-ncci", "--tmp", file.toString(), "--out", tmp.resolve("o").toString(),
                "test-claims/samples")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("--tmp " + file + ": is a file, not a folder");
    }
}
