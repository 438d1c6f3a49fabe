package org.claimauditor.pipeline.source;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV extracts in: rows grouped into claims, each bad value pinned to file, line and column. */
class CsvClaimFilesTest {

    static final Path DIR = Path.of("src/test/resources/input-formats/csv");
    static final String HEADER = "claimId,claimType,payerId,patient.id,patient.birthDate,patient.sex,billingProvider.npi,"
            + "placeOfService,diagnoses,lineNumber,serviceDate,procedureCode,units,charge,diagnosisPointers";

    static List<ClaimInput> read(Limits limits, Path... files) {
        try (Stream<ClaimInput> s = new ClaimFiles(List.of(files), limits).claims()) {
            return s.toList();
        }
    }

    static List<ClaimInput> read(Path... files) {
        return read(Limits.DEFAULTS, files);
    }

    @Test
    void rowsOfAClaimBecomeItsLinesAndMatchTheSameClaimsInJson() {
        List<ClaimInput> in = read(DIR.resolve("claims.csv")); // Excel's CSV UTF-8: BOM and CRLF
        assertThat(in).extracting(ClaimInput::error).containsOnlyNulls();
        assertThat(in).extracting(ClaimInput::claimId).containsExactly("CS-1001", "CS-1002", "CS-1003");
        assertThat(in).extracting(ClaimInput::origin).allMatch(o -> o.matches(".*claims\\.csv:[246]"));

        Claim c1 = in.get(0).claim();
        String json = """
                {"claimId":"CS-1001","claimType":"PROFESSIONAL","payerId":"MEDICARE",
                 "patient":{"id":"P-1","birthDate":"1958-04-02","sex":"F"},
                 "billingProvider":{"npi":"1234567893","tin":"123456789"},"renderingProvider":{"npi":"1234567893"},
                 "placeOfService":"11","receivedDate":"2026-03-10","diagnoses":["E11.9","I10"],
                 "lines":[{"lineNumber":1,"serviceDate":"2026-03-02","procedureCode":"99213","modifiers":["25"],
                           "units":1,"charge":125.00,"diagnosisPointers":[1,2]},
                          {"lineNumber":2,"serviceDate":"2026-03-02","procedureCode":"97140","units":1,"charge":60.00,
                           "diagnosisPointers":[1]}]}""";
        assertThat(c1).isEqualTo(ClaimReader.readOne(json, "c1.json").claim());

        // later rows may leave the claim columns empty
        Claim c2 = in.get(1).claim();
        assertThat(c2.payerId()).isEqualTo("MEDICARE");
        assertThat(c2.lines()).extracting(Claim.ServiceLine::units).containsExactly(0, 2);
        Claim c3 = in.get(2).claim();
        assertThat(c3.claimType()).isEqualTo(Claim.ClaimType.INSTITUTIONAL);
        assertThat(c3.lines().get(0).serviceDateTo()).isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(c3.lines().get(1).placeOfService()).isEqualTo("21");
        assertThat(c3.lines().get(1).charge()).isEqualTo(new BigDecimal("38.00"));
    }

    @Test
    void eachBadValueIsOneErrorForItsClaimPinnedToLineAndColumn() {
        Path f = DIR.resolve("broken/bad-values.csv");
        List<ClaimInput> in = read(f);
        assertThat(in).extracting(ClaimInput::claimId)
                .containsExactly("BC-1", "BC-2", "BC-3", "BC-1", null, "BC-5", "BC-6", "BC-7", "BC-8", "BC-9");
        assertThat(in).extracting(ClaimInput::error).containsExactly(
                null,
                f + ":4: column 'units': 'x' is not a number",
                null,
                f + ":6: claim 'BC-1' appears again after other claims (its rows began on line 2); the rows of a claim "
                        + "must be consecutive: sort or group the extract by claimId",
                f + ":7: column 'claimId' is empty; every row needs the id of its claim",
                f + ":8: 14 values where the header has 22 columns",
                f + ":10: column 'payerId': 'MEDICARE' differs from 'ACME' on line 9, the claim's first row (claim "
                        + "columns must repeat the same value or be empty)",
                f + ":11: column 'charge': '45.123' is not a charge this auditor can represent: a charge must be below "
                        + "1,000,000,000,000 in absolute value with at most 2 decimals",
                f + ":12: column 'serviceDate': '2026-02-30' is not a date YYYY-MM-DD",
                f + ":13: column 'patient.sex': 'X' is not one of F, M, U");
        assertThat(in).extracting(ClaimInput::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aHeaderWithAnUnknownColumnIsOneError() {
        Path f = DIR.resolve("broken/unknown-column.csv");
        assertThat(read(f)).singleElement().extracting(ClaimInput::error).asString()
                .startsWith(f + ":1: unknown column 'unts' in the header (known: claimId, claimType, ");
    }

    @Test
    void anUnclosedQuoteEndsTheFileAfterTheClaimsBeforeIt() {
        Path f = DIR.resolve("broken/unclosed-quote.csv");
        List<ClaimInput> in = read(f);
        assertThat(in).hasSize(2);
        assertThat(in.get(0).claimId()).isEqualTo("UQ-1");
        assertThat(in.get(0).error()).isNull();
        assertThat(in.get(1).error()).startsWith(f + ":3: malformed CSV: ").endsWith("; the rest of the file is not read");
    }

    @Test
    void billingProviderTaxonomyIsAnOptionalColumn(@TempDir Path tmp) throws IOException {
        String header = HEADER.replace("billingProvider.npi,", "billingProvider.npi,billingProvider.taxonomy,");
        Path f = Files.writeString(tmp.resolve("tax.csv"), header + "\n"
                + "T-1,PROFESSIONAL,MEDICARE,P-1,1958-04-02,F,1234567893,207Q00000X,11,E11.9,1,2026-03-02,99213,1,125.00,1\n");
        assertThat(read(f).get(0).claim().billingProvider())
                .isEqualTo(new org.claimauditor.claim.Claim.Provider("1234567893", null, "207Q00000X"));
    }

    @Test
    void quotedCellsMaySpanLinesAndLineNumbersFollowThePhysicalLines(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("multi.csv"), HEADER + "\n"
                + "Q-1,PROFESSIONAL,MEDICARE,\"P-1\nsecond line\",1958-04-02,F,1234567893,11,E11.9,1,2026-03-02,99213,1,125.00,1\n"
                + "\n"
                + "Q-2,PROFESSIONAL,MEDICARE,P-2,1958-04-02,F,1234567893,11,E11.9,1,2026-03-02,99213,one,125.00,1\n");
        List<ClaimInput> in = read(f);
        assertThat(in.get(0).claim().patient().id()).isEqualTo("P-1\nsecond line");
        assertThat(in.get(1).error()).isEqualTo(f + ":5: column 'units': 'one' is not a number");
    }

    @Test
    void withoutALineNumberColumnLinesAreNumberedByRowAndTheLineLimitHolds(@TempDir Path tmp) throws IOException {
        String header = HEADER.replace("lineNumber,", "");
        String rows = IntStream.range(0, 5).mapToObj(i -> "L-1,PROFESSIONAL,MEDICARE,P-1,1958-04-02,F,1234567893,11,"
                + "E11.9,2026-03-02,97110,1,45.00,1").collect(Collectors.joining("\n"));
        Path f = Files.writeString(tmp.resolve("lines.csv"), header + "\n" + rows + "\n"
                + "L-2,PROFESSIONAL,MEDICARE,P-2,1958-04-02,F,1234567893,11,E11.9,2026-03-02,97110,1,45.00,1\n");
        assertThat(read(f).get(0).claim().lines()).extracting(Claim.ServiceLine::lineNumber).containsExactly(1, 2, 3, 4, 5);
        List<ClaimInput> limited = read(Limits.DEFAULTS.withMaxLinesPerClaim(3), f);
        assertThat(limited.get(0).error()).isEqualTo(f + ":2: claim 'L-1' has 5 service lines (rows), more than the "
                + "limit of 3 per claim (auditor.limits.max-lines-per-claim)");
        assertThat(limited.get(1).error()).isNull();
    }
}
