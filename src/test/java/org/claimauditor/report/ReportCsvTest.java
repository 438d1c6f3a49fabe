package org.claimauditor.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimauditor.report.ReportBatch.A;
import static org.claimauditor.report.ReportBatch.B;
import static org.claimauditor.report.ReportBatch.C;

/** The CSV reports parsed back with a strict RFC 4180 reader and compared field by field. */
class ReportCsvTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeReports() throws IOException {
        try (ReportRun run = ReportRun.open(dir, ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), List.of()))) {
            ReportBatch.write(run);
        }
    }

    /** Checks the byte-order mark, then parses; every record must end with CRLF. */
    List<List<String>> csv(String name) throws IOException {
        String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return Rfc4180.parse(text.substring(1));
    }

    /** {@code remit}: group code, CARC and RARCs as the CSV writes them ({@code "CO", "96", "N362"}; empty for none). */
    static List<String> error(String claim, String lines, String codes, String mods, String rule, String category,
                              String severity, String message, String amount, String... remit) {
        List<String> row = new java.util.ArrayList<>(List.of(claim, lines, codes, mods, rule, category, severity, message,
                "source of " + rule, "fix " + rule, amount));
        row.addAll(remit.length == 0 ? List.of("", "", "") : List.of(remit));
        return row;
    }

    /** Payer, provider and date of service of the claim (or line) the finding names, as the CSV writes them. */
    static List<String> at(String payer, String npi, String date, List<String> row) {
        List<String> out = new java.util.ArrayList<>(row);
        out.addAll(1, List.of(payer, npi, date));
        return out;
    }

    @Test
    void errorReportRoundTripsFieldByField() throws IOException {
        List<List<String>> rows = csv("error-report.csv");
        assertThat(rows.get(0)).containsExactly("claimId", "payerId", "providerNpi", "serviceDate", "lineNumbers", "procedureCodes", "modifiers", "ruleId",
                "category", "severity", "message", "source", "suggestion", "amountAtRisk", "groupCode", "carc", "rarc");
        String formulaId = "'" + ReportBatch.FORMULA_ID;
        assertThat(rows.subList(1, rows.size())).containsExactly(
                at("MEDICARE", ReportBatch.A, "2026-01-10", error("C1", "2", "97140", "59", "NCCI-PTP-BYPASSED", "PTP", "INFO", "PTP pair 99213/97140 bypassed by 59", "0.00")),
                at("MEDICARE", ReportBatch.A, "2026-01-15", error("C2", "3", "97140", "", "NCCI-PTP-PAIR", "PTP", "ERROR", ReportBatch.TRICKY, "60.00", "CO", "236", "")),
                at("MEDICARE", ReportBatch.A, "2026-01-15", error("C2", "3", "97140", "", "CLAIM-UNITS-MIN", "CLAIM_DATA", "ERROR", "Line 3 reports 0 units", "60.00", "CO", "16", "M53")),
                at("ACME", ReportBatch.C, "2026-02-03", error("C3", "2", "99213", "", "NCCI-AOC-UNDEFINED", "ADD_ON", "WARNING", "Add-on cannot be checked", "80.00", "CO", "B15", "N122")),
                at("ACME", ReportBatch.B, "2026-02-20", error("C4", "", "", "", "CLAIM-REQUIRED-FIELD", "CLAIM_DATA", "ERROR", "$.receivedDate is missing", "300.00", "CO", "16", "MA130")),
                at("ACME", ReportBatch.B, "2026-02-20", error("C4", "", "", "", "CLAIM-REQUIRED-FIELD", "CLAIM_DATA", "ERROR", "$.placeOfService is missing", "300.00", "CO", "16", "MA130")),
                at("ACME", ReportBatch.B, "2026-02-20", error("C4", "1;2", "99205;99215", "XS;", "NCCI-MUE-DOS-CLINICAL", "MUE", "ERROR", "MUE exceeded", "30.00", "CO", "96", "N362")),
                at("MEDICARE", ReportBatch.A, "2026-03-15", error(formulaId, "1", "99213", "59", "MOD-59-NO-PTP", "MODIFIER", "WARNING", "59 without a PTP pair", "90.00")),
                at("MEDICARE", ReportBatch.A, "2026-03-15", error(formulaId, "2", "11042", "", "NCCI-MUE-LINE", "MUE", "ERROR", "3 units above MUE 1", "210.00", "CO", "96", "N362")));
    }

    @Test
    void fieldsWithCommaQuoteOrNewlineAreQuotedAndQuotesDoubled() throws IOException {
        String raw = Files.readString(dir.resolve("error-report.csv"), StandardCharsets.UTF_8);
        assertThat(raw).contains(",\"Line 3: 97140 and 97110 are a \"\"PTP pair\"\",\nbundled.\",");
        assertThat(raw).contains("\r\nC1,MEDICARE," + ReportBatch.A + ",2026-01-10,2,97140,59,NCCI-PTP-BYPASSED,");  // nothing quoted that needs no quotes
        assertThat(raw).endsWith("210.00,CO,96,N362\r\n");
    }

    @Test
    void claimSummariesRoundTripFieldByField() throws IOException {
        List<List<String>> rows = csv("claim-summaries.csv");
        assertThat(rows.get(0)).containsExactly("claimId", "origin", "payerId", "billingNpi", "renderingNpi",
                "patientId", "firstServiceDate", "lastServiceDate", "lineCount", "totalCharge", "status",
                "errorFindings", "warningFindings", "infoFindings", "amountAtRisk", "error");
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of("C1", "batch.jsonl:1", "MEDICARE", A, A, "P1", "2026-01-10", "2026-01-10", "2", "150.00", "PASS", "0", "0", "1", "0.00", ""),
                List.of("C2", "batch.jsonl:2", "MEDICARE", A, A, "P2", "2026-01-15", "2026-01-15", "3", "250.00", "REJECT", "2", "0", "0", "60.00", ""),
                List.of("C3", "batch.jsonl:3", "ACME", B, "", "P3", "2026-02-03", "2026-02-03", "2", "200.00", "REVIEW", "0", "1", "0", "80.00", ""),
                List.of("C4", "batch.jsonl:4", "ACME", B, B, "P4", "2026-02-20", "2026-02-20", "2", "300.00", "REJECT", "3", "0", "0", "300.00", ""),
                List.of("C5", "bad.json:1", "", "", "", "", "", "", "0", "", "ERROR", "0", "0", "0", "0.00",
                        "bad.json:1: $.lines[0].units: expected a number"),
                List.of("C6", "batch.jsonl:6", "MEDICARE", C, C, "P6", "2026-03-01", "2026-03-01", "1", "70.00", "PASS", "0", "0", "0", "0.00", ""),
                List.of("'" + ReportBatch.FORMULA_ID, "batch.jsonl:7", "MEDICARE", A, A, "P7", "2026-03-15", "2026-03-15", "2", "300.00", "REJECT", "1", "1", "0", "300.00", ""));
    }

    @Test
    void jsonRowsCarryTheSameValuesAsCsvRows() throws IOException {
        List<List<String>> csv = csv("claim-summaries.csv");
        JsonNode json = ComplianceReportTest.EXACT.readTree(dir.resolve("claim-summaries.json").toFile());
        assertThat(json).hasSize(csv.size() - 1);
        List<String> header = csv.get(0);
        for (int r = 0; r < json.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                JsonNode v = json.get(r).get(header.get(c));
                String text = v.isNull() ? "" : v.asText();
                assertThat(CsvWriter.neutralize(text)).as("row %d %s", r, header.get(c)).isEqualTo(csv.get(r + 1).get(c));
            }
        }
        // Error report JSON keeps lines, codes and modifiers as parallel arrays.
        JsonNode mue = ComplianceReportTest.EXACT.readTree(dir.resolve("error-report.json").toFile()).get(6);
        assertThat(mue.get("lineNumbers").toString()).isEqualTo("[1,2]");
        assertThat(mue.get("procedureCodes").toString()).isEqualTo("[\"99205\",\"99215\"]");
        assertThat(mue.get("modifiers").toString()).isEqualTo("[[\"XS\"],[]]");
        assertThat(Files.readAllLines(dir.resolve("error-report.json"))).hasSize(9 + 2); // one row per line
    }

    @Test
    void complianceCsvHoldsEveryJsonValueAsSectionKeyMetricValue() throws IOException {
        List<List<String>> rows = csv("compliance-report.csv");
        assertThat(rows.get(0)).containsExactly("section", "key", "metric", "value");
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(4));
        assertThat(rows).contains(
                List.of("claims", "", "read", "7"),
                List.of("claims", "", "cleanClaimRate", "0.2857"),
                List.of("claims", "", "amountAtRisk", "740.00"),
                List.of("byCategory", "PTP", "findings", "2"),
                List.of("byRule", "CLAIM-REQUIRED-FIELD", "claims", "1"),
                List.of("byCarc", "CO-16", "findings", "3"),
                List.of("byCarc", "CO-96", "rules[1]", "NCCI-MUE-LINE"),
                List.of("byPayer.rows", "ACME", "amountAtRisk", "380.00"),
                List.of("byProvider.rows", A, "amountAtRisk", "360.00"),
                List.of("byServiceMonth", "2026-02", "findings", "4"),
                List.of("modifierBypass.providers", A, "ratioToRun", "1.29"),
                List.of("emLevels.providers", A, "established.shares.99213", "0.6667"),
                List.of("emLevels", "", "run.newPatient.meanLevel", "4.00"),
                List.of("run", "", "referenceData[1]", "NCCI practitioner PTP v322r0 (160 edits)"));
        List<String> values = new ArrayList<>();
        rows.forEach(r -> values.add(r.get(0) + "/" + r.get(2)));
        assertThat(values).contains("run/startedAt", "run/durationMillis", "run/ruleSetVersion");
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralizedButNumbersAreNot() {
        assertThat(CsvWriter.neutralize("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvWriter.neutralize("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.neutralize("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.neutralize("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.neutralize("C-1")).isEqualTo("C-1");
        assertThat(CsvWriter.neutralize("")).isEmpty();
    }

    @Test
    void strictParserRejectsWhatIsNotRfc4180() {
        assertThatThrownBy(() -> Rfc4180.parse("a,b\n")).hasMessageContaining("bare LF");
        assertThatThrownBy(() -> Rfc4180.parse("\"a\"b\r\n")).hasMessageContaining("after closing quote");
        assertThatThrownBy(() -> Rfc4180.parse("a,b")).hasMessageContaining("CRLF");
        assertThat(Rfc4180.parse("\"a,\"\"b\"\"\r\nc\",\r\n")).containsExactly(List.of("a,\"b\"\r\nc", ""));
    }
}
