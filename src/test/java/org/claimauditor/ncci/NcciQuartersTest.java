package org.claimauditor.ncci;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several NCCI quarters in one folder, each applied to the dates of service of its period; the MUE denial amount. */
class NcciQuartersTest {

    static final String PTP_HEADER = "Notice\t\t\t\t\t\t\r\nColumn 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n";
    static final String MUE_HEADER = "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @TempDir
    Path dir;

    private void ptp(String name, String... rows) throws IOException {
        Files.writeString(dir.resolve(name), PTP_HEADER + String.join("\r\n", rows) + "\r\n");
    }

    private void mue(String name, String... rows) throws IOException {
        Files.writeString(dir.resolve(name), MUE_HEADER + String.join("\n", rows) + "\n");
    }

    @Test
    void eachQuarterAppliesToItsOwnDatesOfService() throws IOException {
        // the Q4 row is effective since 2020: only the quarter, not the row's dates, keeps it from a Q3 date
        ptp("ccipra-v322r0-f1.txt", "11111\t22222\t\t20200101\t*\t0\tQ3 row");
        ptp("ccipra-v323r0-f1.txt", "11111\t22222\t\t20200101\t*\t0\tQ4 row", "11111\t33333\t\t20200101\t*\t0\tadded in Q4");
        mue("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", "11111,4,3 Date of Service Edit: Clinical,Clinical");
        mue("MCR_MUE_PractitionerServices_Eff_11-01-2026.csv", "11111,2,3 Date of Service Edit: Clinical,Clinical");
        NcciTables t = NcciLoader.load(dir);

        assertThat(t.problems()).as("codes listed again in another quarter are not unreadable rows").isEmpty();
        assertThat(t.ptpFor("PROFESSIONAL", LocalDate.of(2026, 9, 30)).find("11111", "33333", LocalDate.of(2026, 9, 30))).isNull();
        assertThat(t.ptpFor("PROFESSIONAL", LocalDate.of(2026, 10, 1)).find("11111", "33333", LocalDate.of(2026, 10, 1)).source())
                .isEqualTo("NCCI practitioner PTP v323r0 (2026-10-01 to 2026-12-31): 11111/33333, effective 2020-01-01 "
                        + "(ccipra-v323r0-f1.txt line 4)");
        // an MUE file applies from its Eff date to the day before the next one's, the newest to its quarter's end
        assertThat(t.mueFor("PROFESSIONAL", LocalDate.of(2026, 10, 31)).find("11111").value()).isEqualTo(4);
        assertThat(t.mueFor("PROFESSIONAL", LocalDate.of(2026, 11, 1)).find("11111").value()).isEqualTo(2);
        assertThat(t.mueFor("PROFESSIONAL", LocalDate.of(2026, 11, 1)).find("11111").source())
                .startsWith("NCCI practitioner MUE Eff 2026-11-01 (2026-11-01 to 2026-12-31): 11111 = 2");
        assertThat(t.describe()).containsExactly(
                "NCCI practitioner PTP v322r0 (1 edits) for dates of service 2026-07-01 to 2026-09-30",
                "NCCI practitioner PTP v323r0 (2 edits) for dates of service 2026-10-01 to 2026-12-31",
                "NCCI practitioner MUE Eff 2026-07-01 (1 codes) for dates of service 2026-07-01 to 2026-10-31",
                "NCCI practitioner MUE Eff 2026-11-01 (1 codes) for dates of service 2026-11-01 to 2026-12-31");

        Quarters<PtpTable> q = t.ptpPractitioners();
        assertThat(q.at(LocalDate.of(2026, 8, 1)).fit()).isEqualTo(Quarters.Fit.IN_PERIOD);
        Quarters.Choice<PtpTable> before = q.at(LocalDate.of(2025, 3, 1));
        assertThat(before.fit()).isEqualTo(Quarters.Fit.NOT_LOADED);
        assertThat(before.quarter().version()).as("the next later quarter").isEqualTo("v322r0");
        Quarters.Choice<PtpTable> after = q.at(LocalDate.of(2027, 1, 1));
        assertThat(after.fit()).isEqualTo(Quarters.Fit.AFTER_NEWEST);
        assertThat(after.quarter().version()).isEqualTo("v323r0");
        assertThat(q.at(null)).isNull();
    }

    @Test
    void aGapBetweenQuartersIsJudgedByTheNextLaterOne() throws IOException {
        ptp("ccipra-v320r0-f1.txt", "11111\t22222\t\t20200101\t*\t0\tQ1");
        ptp("ccipra-v322r0-f1.txt", "11111\t22222\t\t20200101\t*\t1\tQ3");
        Quarters.Choice<PtpTable> gap = NcciLoader.load(dir).ptpPractitioners().at(LocalDate.of(2026, 5, 15));
        assertThat(gap.fit()).isEqualTo(Quarters.Fit.NOT_LOADED);
        assertThat(gap.quarter().label()).isEqualTo("v322r0 (2026-07-01 to 2026-09-30)");
    }

    @Test
    void aNewerRevisionOfAQuarterReplacesTheOlder() throws IOException {
        ptp("ccipra-v322r0-f1.txt", "11111\t22222\t\t20200101\t*\t0\tr0");
        ptp("ccipra-v322r1-f1.txt", "11111\t22222\t\t20200101\t*\t1\tr1");
        NcciTables t = NcciLoader.load(dir);
        assertThat(t.ptpPractitioners().all()).singleElement().extracting(Quarters.Quarter::version).isEqualTo("v322r1");
        assertThat(t.ptpPractitioner().find("11111", "22222", LocalDate.of(2026, 8, 1)).rationale()).isEqualTo("r1");
        assertThat(t.describe()).contains("NCCI ccipra-v322r0-f1.txt: not loaded, revision v322r1 of the same quarter is");
    }

    @Test
    void aDuplicateInsideOneFileIsStillReported() throws IOException {
        mue("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv", "11111,4,3 Date of Service Edit: Clinical,Clinical",
                "22222,1,2 Date of Service Edit: Policy,Policy");
        mue("MCR_MUE_PractitionerServices_Eff_10-01-2026.csv", "11111,4,3 Date of Service Edit: Clinical,Clinical",
                "11111,5,3 Date of Service Edit: Clinical,Clinical", "22222,1,2 Date of Service Edit: Policy,Policy");
        NcciTables t = NcciLoader.load(dir, 0.5);
        assertThat(t.problems()).containsExactly(
                "MCR_MUE_PractitionerServices_Eff_10-01-2026.csv:4: code 11111 already listed at line 3");
    }

    @Test
    void aPtpVersionWithoutAQuarterFailsTheLoadNamingTheFile() throws IOException {
        ptp("ccipra-vabc-f1.txt", "11111\t22222\t\t20200101\t*\t0\tx");
        assertThatThrownBy(() -> NcciLoader.load(dir))
                .hasMessageStartingWith("cannot load NCCI tables: ccipra-vabc-f1.txt")
                .hasMessageContaining("v322r0 = July to September 2026");
        assertThat(QuarterPeriod.ofPtpVersion("v322r0")).isEqualTo(
                new QuarterPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        assertThat(QuarterPeriod.ofPtpVersion("v300r2")).isEqualTo(
                new QuarterPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)));
        assertThat(QuarterPeriod.ptpVersionOf(QuarterPeriod.calendarQuarter(LocalDate.of(2025, 11, 2)))).isEqualTo("v313");
    }

    // ---- the engine on the bundled sample (practitioner PTP v322r0 + v323r0, MUE Eff 07-01 + 10-01-2026, AOC Q2 + Q3)

    private static List<AuditResult> audit(String... claims) {
        RuleSet rules = TestRules.shipped();
        Reference ref = TestRules.sample();
        List<ClaimInput> inputs = ClaimReader.read(String.join("\n", claims), "test.jsonl", true, 0);
        return AuditEngine.audit(rules, ref, inputs, TODAY);
    }

    private static String claim(String id, String patient, String received, String lines) {
        return "{\"claimId\":\"" + id + "\",\"claimType\":\"PROFESSIONAL\",\"payerId\":\"MEDICARE\",\"patient\":{\"id\":\""
                + patient + "\",\"birthDate\":\"1958-04-02\",\"sex\":\"F\"},\"billingProvider\":{\"npi\":\"1234567893\","
                + "\"tin\":\"123456789\"},\"placeOfService\":\"11\",\"receivedDate\":\"" + received + "\","
                + "\"diagnoses\":[\"M54.50\"],\"lines\":[" + lines + "]}";
    }

    private static String line(int n, String date, String code, int units, String charge) {
        return "{\"lineNumber\":" + n + ",\"serviceDate\":\"" + date + "\",\"procedureCode\":\"" + code + "\",\"units\":"
                + units + ",\"charge\":" + charge + ",\"diagnosisPointers\":[1]}";
    }

    private static List<Finding> findings(AuditResult r, String ruleId) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void aDateOfServiceMueDeniesTheWholeChargeOfTheClaimThatTakesTheDayOverTheLimit() {
        // 97110: MAI 3, MUE 4 in the Eff 07-01-2026 file; 3 + 2 units on one claim: both lines denied in full
        AuditResult one = audit(claim("M-1", "P-1", "2026-08-10",
                line(1, "2026-08-03", "97110", 3, "135.00") + "," + line(2, "2026-08-03", "97110", 2, "90.00"))).get(0);
        Finding f = findings(one, "NCCI-MUE-DOS-CLINICAL").get(0);
        assertThat(f.lineNumbers()).containsExactly(1, 2);
        assertThat(f.amountAtRisk()).isEqualByComparingTo(new BigDecimal("225.00"));
        assertThat(f.message()).contains("All units on M-1 line 1, M-1 line 2 are denied, not only the excess.");
        assertThat(f.source()).startsWith("NCCI practitioner MUE Eff 2026-07-01 (2026-07-01 to 2026-09-30): 97110 = 4");

        // two claims of the day, 3 units then 2: the later-received claim carries the denial, the first is paid
        List<AuditResult> two = audit(
                claim("M-2B", "P-2", "2026-08-12", line(1, "2026-08-03", "97110", 2, "90.00")),
                claim("M-2A", "P-2", "2026-08-10", line(1, "2026-08-03", "97110", 3, "135.00")));
        assertThat(findings(two.get(1), "NCCI-MUE-DOS-CLINICAL")).isEmpty();
        Finding later = findings(two.get(0), "NCCI-MUE-DOS-CLINICAL").get(0);
        assertThat(later.amountAtRisk()).isEqualByComparingTo(new BigDecimal("90.00"));
        assertThat(later.message()).contains("All units on M-2B line 1 are denied, not only the excess (M-2A line 1: "
                + "adjudicated first, within the limit).");
    }

    @Test
    void theMueLineEditStillPutsTheLineChargeAtRisk() {
        // 20610: MAI 1, MUE 2
        AuditResult r = audit(claim("L-1", "P-3", "2026-08-10", line(1, "2026-08-03", "20610", 3, "300.00"))).get(0);
        Finding f = findings(r, "NCCI-MUE-LINE").get(0);
        assertThat(f.amountAtRisk()).isEqualByComparingTo(new BigDecimal("300.00"));
        assertThat(f.message()).contains("All units on the line are denied.");
    }

    @Test
    void everyNcciFindingNamesItsQuarterAndTheRunListsThePeriods() {
        AuditResult r = audit(claim("S-1", "P-4", "2026-10-05",
                line(1, "2026-10-01", "97140", 1, "45.00") + "," + line(2, "2026-10-01", "97530", 1, "40.00"))).get(0);
        assertThat(findings(r, "NCCI-PTP-PAIR")).singleElement().extracting(Finding::source).asString()
                .startsWith("NCCI practitioner PTP v323r0 (2026-10-01 to 2026-12-31): 97140/97530");
        assertThat(r.referenceData()).contains(
                "NCCI practitioner PTP v322r0 (160 edits) for dates of service 2026-07-01 to 2026-09-30",
                "NCCI practitioner PTP v323r0 (7 edits) for dates of service 2026-10-01 to 2026-12-31");
        // the add-on table's newest quarter ends 2026-09-30: applied, and said
        Finding newer = findings(r, "NCCI-QUARTER-NEWER").get(0);
        assertThat(newer.lineNumbers()).containsExactly(1, 2);
        assertThat(newer.message()).isEqualTo("Lines 1, 2: dated in 2026 Q4, after the newest NCCI quarter loaded; judged "
                + "against the newest (add-on code 2026Q3).");
        assertThat(newer.source()).isEqualTo("NCCI quarters applied: add-on code 2026Q3 (2026-07-01 to 2026-09-30)");
        assertThat(newer.amountAtRisk()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(r.status()).isEqualTo(AuditResult.Status.REJECT);
    }

    @Test
    void aDateBeforeTheOldestQuarterIsAWarningNamingTheQuarterToLoad() {
        AuditResult r = audit(claim("O-1", "P-5", "2026-05-10", line(1, "2026-05-04", "99213", 1, "110.00"))).get(0);
        Finding f = findings(r, "NCCI-QUARTER-MISSING").get(0);
        assertThat(f.message()).isEqualTo("Line 1: no NCCI quarter loaded for 2026 Q2; judged against the next later one "
                + "(practitioner PTP v322r0, practitioner MUE Eff 2026-07-01). MUE values carry no dates and may have "
                + "differed then.");
        assertThat(f.suggestion()).isEqualTo("Add the NCCI files of 2026 Q2 to the NCCI folder (ccipra-v321r*-f*.txt, "
                + "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv) and audit again.");
        assertThat(f.source()).isEqualTo("NCCI quarters applied: practitioner PTP v322r0 (2026-07-01 to 2026-09-30); "
                + "practitioner MUE Eff 2026-07-01 (2026-07-01 to 2026-09-30)");
        assertThat(r.status()).isEqualTo(AuditResult.Status.REVIEW);
    }
}
