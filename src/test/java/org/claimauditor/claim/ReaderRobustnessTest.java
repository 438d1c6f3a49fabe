package org.claimauditor.claim;

import org.claimauditor.pipeline.source.ClaimFiles;
import org.claimauditor.pipeline.source.InputFormat;
import org.claimauditor.engine.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * "N claims in, N results out, whatever the bytes": replays each reader case of issue 10 from the files in
 * src/test/resources/robustness/reader (big inputs are generated here).
 */
class ReaderRobustnessTest {

    static final Path DIR = resources();
    static final String PATIENT = "P-Zo\u00eb-\uD83D\uDE00";

    static Path resources() {
        try {
            return Path.of(ReaderRobustnessTest.class.getResource("/robustness/reader").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ClaimInput> read(String file) {
        return ClaimFiles.readAll(List.of(DIR.resolve(file)));
    }

    static String name(String file) {
        return DIR.resolve(file).toString();
    }

    @Test
    void aBadArrayElementLosesOnlyItself() {
        for (String file : List.of("array-bad-element.json", "array-bad-element-one-line.json")) {
            List<ClaimInput> all = read(file);
            assertThat(all).as(file).extracting(ClaimInput::claimId).containsExactly("A", "B", "C", "D", "E");
            assertThat(all).as(file).extracting(ClaimInput::readable).containsExactly(true, false, true, false, true);
            assertThat(all).as(file).extracting(ClaimInput::origin)
                    .containsExactly(IntStream.range(0, 5).mapToObj(i -> name(file) + "[" + i + "]").toArray(String[]::new));
            assertThat(all.get(1).error()).as(file).startsWith(name(file) + ":").contains("malformed JSON");
            assertThat(all.get(3).error()).as(file).contains("Unrecognized token 'two'");
        }
    }

    @Test
    void invalidUtf8BytesAreIsolatedToTheirClaim() throws IOException {
        for (String file : List.of("invalid-utf8.jsonl", "invalid-utf8-array.json")) {
            List<ClaimInput> all = read(file);
            assertThat(all).as(file).hasSize(3).extracting(ClaimInput::readable).containsExactly(true, false, true);
            // the bad bytes follow "P-" on the claim's line (line 2 of the .jsonl, line 3 of the array file)
            int line = file.endsWith(".jsonl") ? 2 : 3;
            String text = Files.readAllLines(DIR.resolve(file), StandardCharsets.ISO_8859_1).get(line - 1);
            int column = text.indexOf("\"P-") + 4;
            assertThat(all.get(1).error()).isEqualTo(name(file) + ":" + line + ":" + column + ": invalid UTF-8 bytes");
            assertThat(all.get(1).claimId()).startsWith(file.endsWith(".jsonl") ? "U-2" : "V-2");
        }
    }

    @Test
    void byteOrderMarksAndUtf16AreRead() {
        assertThat(read("bom-utf8.json")).singleElement().satisfies(c -> {
            assertThat(c.readable()).isTrue();
            assertThat(c.origin()).isEqualTo(name("bom-utf8.json"));
        });
        Map<String, List<String>> ids = Map.of(
                "utf16le-bom.jsonl", List.of("LE-1", "LE-2"),
                "utf16be-bom.json", List.of("BE-1", "BE-2"),
                "utf16le-no-bom.json", List.of("LE-3"),
                "utf16be-no-bom.jsonl", List.of("BE-3", "BE-4"));
        ids.forEach((file, expected) -> {
            List<ClaimInput> all = read(file);
            assertThat(all).as(file).allMatch(ClaimInput::readable).extracting(ClaimInput::claimId)
                    .containsExactlyElementsOf(expected);
            assertThat(all).as(file).allSatisfy(c -> assertThat(c.claim().patient().id()).isEqualTo(PATIENT));
        });
        assertThat(read("utf16le-bom.jsonl")).extracting(ClaimInput::origin)
                .containsExactly(name("utf16le-bom.jsonl") + ":1", name("utf16le-bom.jsonl") + ":2");
        List<ClaimInput> lone = read("utf16le-lone-surrogate.jsonl");
        assertThat(lone).extracting(ClaimInput::readable).containsExactly(true, false, true);
        assertThat(lone.get(1).error()).startsWith(name("utf16le-lone-surrogate.jsonl") + ":2:").endsWith(": invalid UTF-16 bytes");
    }

    @Test
    void everyLineEndCounts() {
        List<ClaimInput> cr = read("cr-only.jsonl");
        assertThat(cr).allMatch(ClaimInput::readable).extracting(ClaimInput::origin).containsExactly(
                name("cr-only.jsonl") + ":1", name("cr-only.jsonl") + ":2", name("cr-only.jsonl") + ":3");
        List<ClaimInput> crlf = read("crlf.jsonl");
        assertThat(crlf).extracting(ClaimInput::readable).containsExactly(true, false, true);
        assertThat(crlf.get(1).error()).startsWith(name("crlf.jsonl") + ":2:2: malformed JSON");
        assertThat(crlf.get(2).origin()).isEqualTo(name("crlf.jsonl") + ":3");
    }

    @Test
    void prettyPrintedObjectsInJsonLinesAreOneClaimEach() throws IOException {
        List<ClaimInput> all = read("pretty.jsonl");
        List<String> lines = Files.readAllLines(DIR.resolve("pretty.jsonl"));
        int secondStarts = lines.subList(1, lines.size()).indexOf("{") + 2;
        assertThat(all).allMatch(ClaimInput::readable).extracting(ClaimInput::origin)
                .containsExactly(name("pretty.jsonl") + ":1", name("pretty.jsonl") + ":" + secondStarts);
    }

    @Test
    void aNestedObjectAtTheClaimsColumnStaysInItsClaim() {
        String text = "{\"claimId\":\"N-1\",\"lines\":[\n{\"lineNumber\":1,\"procedureCode\":\"99213\"},\n"
                + "{\"lineNumber\":2,\"procedureCode\":\"97110\"}\n]}\n{\"claimId\":\"N-2\",\n{\"claimId\":\"N-3\"}\n";
        List<ClaimInput> all = ClaimReader.read(text, "n.jsonl", true, 0);
        assertThat(all).extracting(ClaimInput::claimId).containsExactly("N-1", "N-2", "N-3");
        assertThat(all).extracting(ClaimInput::readable).containsExactly(true, false, true);
        assertThat(all.get(0).claim().lines()).hasSize(2);
        assertThat(all).extracting(ClaimInput::origin).containsExactly("n.jsonl:1", "n.jsonl:5", "n.jsonl:6");
    }

    @Test
    void extensionsAreCaseInsensitive() {
        List<Path> files = InputFormat.expand(List.of(DIR));
        assertThat(files).contains(DIR.resolve("UPPER.JSON"), DIR.resolve("UPPER-LINES.JSONL"))
                .doesNotContain(DIR.resolve("notes.txt"));
        assertThat(read("UPPER-LINES.JSONL")).extracting(ClaimInput::origin)
                .containsExactly(name("UPPER-LINES.JSONL") + ":1", name("UPPER-LINES.JSONL") + ":2");
    }

    @Test
    void aNumericBirthDateIsRefusedNamingItsPath() {
        assertThat(read("numeric-birth-date.json")).singleElement().satisfies(c -> {
            assertThat(c.readable()).isFalse();
            assertThat(c.claimId()).isEqualTo("NBD-1");
            assertThat(c.error()).contains("$.patient.birthDate").contains("'20000'").contains("YYYY-MM-DD");
        });
    }

    @Test
    void valuesThatCannotBeRepresentedAreErrorsNamingPathAndRange() {
        List<ClaimInput> all = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read("absurd-numbers.jsonl"));
        assertThat(all).extracting(ClaimInput::claimId)
                .containsExactly("N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "N-7", "N-8", "N-9");
        assertThat(all).extracting(ClaimInput::readable)
                .containsExactly(false, false, false, false, false, false, false, false, true);
        for (int i : new int[] {0, 1, 2, 5, 6}) {
            assertThat(all.get(i).error()).contains("$.lines[0].charge:").contains("below 1,000,000,000,000")
                    .contains("at most 2 decimals").hasSizeLessThan(400);
        }
        for (int i : new int[] {3, 4, 7}) {
            assertThat(all.get(i).error()).contains("$.lines[0].units:").contains("from -2147483648 to 2147483647")
                    .hasSizeLessThan(400);
        }
        assertThat(all.get(8).claim().lines().get(0).charge()).isEqualByComparingTo("999999999999.99");
    }

    @Test
    void claimsOverTheLimitsAreErrorsNamingTheSetting() {
        Limits small = Limits.DEFAULTS.withMaxLinesPerClaim(5).withMaxClaimBytes(2_000);
        List<ClaimInput> all = ClaimFiles.readAll(List.of(DIR.resolve("limits.jsonl")), small);
        assertThat(all).extracting(ClaimInput::claimId).containsExactly("L-1", "L-6", "BIG-1", "L-4");
        assertThat(all).extracting(ClaimInput::readable).containsExactly(true, false, false, true);
        assertThat(all.get(1).error()).contains("$.lines: 6 service lines").contains("limit of 5")
                .contains("auditor.limits.max-lines-per-claim");
        assertThat(all.get(2).error()).startsWith(name("limits.jsonl") + ":3:1: claim of ")
                .contains("larger than the limit of 2000 bytes (auditor.limits.max-claim-bytes)");
        // the rest of the oversized claim was skipped to its end, and the next claim read normally
        assertThat(all.get(3).claim().claimId()).isEqualTo("L-4");
    }

    @Test
    void bigClaimsAtTheDefaultLimitsAreSkippedNotHeld(@TempDir Path tmp) throws IOException {
        String line = "{\"lineNumber\":1,\"serviceDate\":\"2026-03-02\",\"procedureCode\":\"99213\",\"units\":1,\"charge\":1.00}";
        String thousandLines = "{\"claimId\":\"T-1000\",\"lines\":[" + String.join(",", java.util.Collections.nCopies(1000, line)) + "]}";
        String fourMegabytes = "{\"claimId\":\"T-4MB\",\"lines\":[" + String.join(",", java.util.Collections.nCopies(40_000, line)) + "]}";
        Path file = tmp.resolve("big.jsonl");
        Files.writeString(file, String.join("\n", "{\"claimId\":\"T-0\"}", thousandLines, fourMegabytes, "{\"claimId\":\"T-3\"}"));
        List<ClaimInput> all = ClaimFiles.readAll(List.of(file));
        assertThat(all).extracting(ClaimInput::claimId).containsExactly("T-0", "T-1000", "T-4MB", "T-3");
        assertThat(all).extracting(ClaimInput::readable).containsExactly(true, false, false, true);
        assertThat(all.get(1).error()).contains("1000 service lines, more than the limit of 999");
        assertThat(all.get(2).error()).contains("larger than the limit of " + Limits.DEFAULTS.maxClaimBytes() + " bytes");
    }

    @Test
    void concatenatedObjectsAndTrailingContent() {
        List<ClaimInput> all = read("concatenated.json");
        assertThat(all).extracting(ClaimInput::claimId).containsExactly("CC-1", "CC-2", "CC-3", "CC-4");
        assertThat(all).extracting(ClaimInput::readable).containsExactly(true, true, false, true);
        assertThat(all.get(2).error()).contains("malformed JSON").contains("'trailing'");
    }

    /** Every file of the folder at once: exactly one entry per claim the files hold, indexes continuing. */
    @Test
    void aFolderMixingAllBadFilesGivesOneResultPerClaim() {
        Map<String, Integer> claims = new LinkedHashMap<>();
        claims.put("UPPER-LINES.JSONL", 2);
        claims.put("UPPER.JSON", 1);
        claims.put("absurd-numbers.jsonl", 9);
        claims.put("array-bad-element-one-line.json", 5);
        claims.put("array-bad-element.json", 5);
        claims.put("bom-utf8.json", 1);
        claims.put("concatenated.json", 4);
        claims.put("cr-only.jsonl", 3);
        claims.put("crlf.jsonl", 3);
        claims.put("invalid-utf8-array.json", 3);
        claims.put("invalid-utf8.jsonl", 3);
        claims.put("limits.jsonl", 4);
        claims.put("numeric-birth-date.json", 1);
        claims.put("pretty.jsonl", 2);
        claims.put("utf16be-bom.json", 2);
        claims.put("utf16be-no-bom.jsonl", 2);
        claims.put("utf16le-bom.jsonl", 2);
        claims.put("utf16le-lone-surrogate.jsonl", 3);
        claims.put("utf16le-no-bom.json", 1);
        List<Path> files = InputFormat.expand(List.of(DIR));
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(claims.keySet());
        List<ClaimInput> all = ClaimFiles.readAll(files);
        assertThat(all).hasSize(claims.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(all).extracting(ClaimInput::index).containsExactlyElementsOf(IntStream.range(0, all.size()).boxed().toList());
        List<String> perFile = new ArrayList<>();
        for (ClaimInput c : all) {
            String origin = c.origin().substring(DIR.toString().length() + 1);
            perFile.add(origin.split("[:\\[]")[0]);
        }
        claims.forEach((file, n) -> assertThat(perFile).as(file).filteredOn(file::equals).hasSize(n));
    }
}
