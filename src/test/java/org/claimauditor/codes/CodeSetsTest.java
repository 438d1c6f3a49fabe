package org.claimauditor.codes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimauditor.codes.HcpcsStatus.Status.NOT_COVERED;
import static org.claimauditor.codes.HcpcsStatus.Status.NOT_YET_EFFECTIVE;
import static org.claimauditor.codes.HcpcsStatus.Status.TERMINATED;
import static org.claimauditor.codes.HcpcsStatus.Status.UNKNOWN;
import static org.claimauditor.codes.HcpcsStatus.Status.VALID;

class CodeSetsTest {

    private static final HcpcsRelease Y2019 = new HcpcsRelease(2019, 0);
    private static final HcpcsRelease Y2026_OCT = new HcpcsRelease(2026, 10);

    /** Real files: the FY2026 ICD-10-CM excerpt read as if complete, and the full 2019 HCPCS file. */
    private static CodeSets sets;
    /** The same excerpt under its real name, so the code set knows it is partial; plus the 2026 CSV excerpt. */
    private static CodeSets excerpts;

    @BeforeAll
    static void load() throws IOException {
        CodeSets.Builder b = CodeSets.builder();
        CmsSamples.icd2026("icd10cm_order_2026.txt").forEach(b::icd);
        CmsSamples.hcpcs2019().forEach(r -> b.hcpcs(Y2019, r));
        sets = b.build();

        CodeSets.Builder e = CodeSets.builder();
        CmsSamples.icd2026("icd10cm_order_2026.excerpt.txt").forEach(e::icd);
        CmsSamples.hcpcs2026Oct().forEach(r -> e.hcpcs(Y2026_OCT, r));
        excerpts = e.build();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    // ---- ICD-10-CM

    @Test
    void billableCodeWithOrWithoutDot() {
        IcdStatus s = sets.icd("a00.0", d("2026-03-02"));
        assertThat(s.status()).isEqualTo(IcdStatus.Status.VALID);
        assertThat(s.code()).isEqualTo("A000");
        assertThat(s.fiscalYear()).isEqualTo(2026);
        assertThat(s.title()).isEqualTo("Cholera due to Vibrio cholerae 01, biovar cholerae");
        assertThat(s.billableInFiscalYears()).containsExactly(2026);
        assertThat(s.source()).isEqualTo("ICD-10-CM FY2026 order file icd10cm_order_2026.txt line 2");
        assertThat(s.isError()).isFalse();
        assertThat(sets.icd("A000", d("2026-03-02")).status()).isEqualTo(IcdStatus.Status.VALID);
    }

    @Test
    void headerNeedsMoreCharacters() {
        IcdStatus a00 = sets.icd("A00", d("2026-03-02"));
        assertThat(a00.status()).isEqualTo(IcdStatus.Status.HEADER);
        assertThat(a00.isError()).isTrue();
        assertThat(a00.billableCodesUnder()).containsExactly("A000", "A001", "A009");

        IcdStatus m545 = sets.icd("M54.5", d("2026-03-02"));
        assertThat(m545.status()).isEqualTo(IcdStatus.Status.HEADER);
        assertThat(m545.message()).isEqualTo("ICD-10-CM M54.5 (Low back pain) is a header in FY2026 (2025-10-01 to "
                + "2026-09-30), not a billable code: more characters are needed, e.g. M54.50, M54.51, M54.59.");
    }

    @Test
    void fiscalYearStartsOnFirstOctober() {
        assertThat(sets.icd("A000", d("2025-10-01")).status()).isEqualTo(IcdStatus.Status.VALID);
        assertThat(sets.icd("A000", d("2026-09-30")).status()).isEqualTo(IcdStatus.Status.VALID);
        assertThat(sets.icd("A000", d("2025-09-30")).status()).isEqualTo(IcdStatus.Status.NOT_COVERED);
        assertThat(sets.icd("A000", d("2026-10-01")).fiscalYear()).isEqualTo(2027);
    }

    @Test
    void aFy2026CodeOnA2019ClaimIsNotCoveredWhenOnlyFy2026IsLoaded() {
        IcdStatus s = sets.icd("A00.0", d("2019-03-01"));
        assertThat(s.status()).isEqualTo(IcdStatus.Status.NOT_COVERED);
        assertThat(s.isError()).isFalse();
        assertThat(s.isNotCovered()).isTrue();
        assertThat(s.fiscalYear()).isEqualTo(2019);
        assertThat(s.billableInFiscalYears()).containsExactly(2026);
        assertThat(s.message()).isEqualTo("No ICD-10-CM order file is loaded for FY2019 (2018-10-01 to 2019-09-30); "
                + "loaded: FY2026. A00.0 was checked for shape only.");
    }

    @Test
    void absentFromACompleteYearIsNotInYear() {
        IcdStatus s = sets.icd("E11.9", d("2026-03-02"));
        assertThat(s.status()).isEqualTo(IcdStatus.Status.NOT_IN_YEAR);
        assertThat(s.isError()).isTrue();
        assertThat(s.message()).endsWith("it is in none of the loaded fiscal years (FY2026).");
    }

    @Test
    void absentFromAnExcerptIsNotCovered() {
        IcdStatus s = excerpts.icd("E11.9", d("2026-03-02"));
        assertThat(s.status()).isEqualTo(IcdStatus.Status.NOT_COVERED);
        assertThat(s.message()).isEqualTo("ICD-10-CM E11.9 is not in the loaded excerpt of FY2026 (2025-10-01 to "
                + "2026-09-30); it was checked for shape only.");
        // What the excerpt does hold is still checked.
        assertThat(excerpts.icd("M54.5", d("2026-03-02")).status()).isEqualTo(IcdStatus.Status.HEADER);
        assertThat(excerpts.icd("M54.50", d("2026-03-02")).status()).isEqualTo(IcdStatus.Status.VALID);
    }

    @Test
    void aCodeDeletedForFy2027NamesTheYearItWasValid() {
        // Synthetic rows modelled on fy2027-changes.deleted.csv: S23.420A was billable in FY2026, deleted in FY2027.
        CodeSets two = CodeSets.builder()
                .icd(new IcdCode("S23420A", true, "Sprain", "Sprain of sternoclavicular (joint) (ligament), initial "
                        + "encounter", 2026, "synthetic_2026.txt", 1))
                .icd(new IcdCode("S2342", false, "Sprain", "Sprain of sternoclavicular joint", 2027,
                        "synthetic_2027.txt", 1))
                .build();
        IcdStatus s = two.icd("S23.420A", d("2026-10-05"));
        assertThat(s.status()).isEqualTo(IcdStatus.Status.NOT_IN_YEAR);
        assertThat(s.fiscalYear()).isEqualTo(2027);
        assertThat(s.billableInFiscalYears()).containsExactly(2026);
        assertThat(s.message()).isEqualTo("ICD-10-CM S23.420A is not a code in FY2027 (2026-10-01 to 2027-09-30); "
                + "it is valid in FY2026.");
        assertThat(two.icd("S23.420A", d("2026-09-30")).status()).isEqualTo(IcdStatus.Status.VALID);
        assertThat(two.icdFiscalYears()).containsExactly(2026, 2027);
    }

    // ---- HCPCS Level II, 2019 file

    @Test
    void terminatedCodeIsValidOnItsLastDayAndNotAfter() {
        HcpcsStatus before = sets.hcpcs("J9310", d("2018-12-31"));
        assertThat(before.status()).isEqualTo(VALID);
        HcpcsStatus after = sets.hcpcs("J9310", d("2019-01-01"));
        assertThat(after.status()).isEqualTo(TERMINATED);
        assertThat(after.isError()).isTrue();
        assertThat(after.terminationDate()).isEqualTo(d("2018-12-31"));
        assertThat(after.effectiveDate()).isEqualTo(d("1999-01-01"));
        assertThat(after.description()).isEqualTo("Rituximab injection");
        assertThat(after.source()).isEqualTo(
                "HCPCS Level II 2019 alpha-numeric file HCPC2019_CONTR_ANWEB.txt line 7792");
        assertThat(after.message()).isEqualTo(
                "HCPCS Level II J9310 was terminated on 2018-12-31, before the date of service 2019-01-01.");
    }

    @Test
    void addedCodeIsNotYetEffectiveTheDayBefore() {
        HcpcsStatus before = sets.hcpcs("C9036", d("2018-12-31"));
        assertThat(before.status()).isEqualTo(NOT_YET_EFFECTIVE);
        assertThat(before.message()).isEqualTo(
                "HCPCS Level II C9036 is not yet in force on 2018-12-31: effective 2019-01-01.");
        assertThat(sets.hcpcs("c9036", d("2019-01-01")).status()).isEqualTo(VALID);
    }

    @Test
    void unknownCodeAndCoverageWindow() {
        HcpcsStatus unknown = sets.hcpcs("G9999", d("2019-06-01"));
        assertThat(unknown.status()).isEqualTo(UNKNOWN);
        assertThat(unknown.message()).isEqualTo("HCPCS Level II G9999 is not in the HCPCS Level II 2019 "
                + "alpha-numeric file (HCPC2019_CONTR_ANWEB.txt).");
        // The 2019 release speaks for 2018-01-01 .. 2019-12-31.
        assertThat(sets.hcpcs("G0101", d("2018-01-01")).status()).isEqualTo(VALID);
        assertThat(sets.hcpcs("G0101", d("2019-12-31")).status()).isEqualTo(VALID);
        HcpcsStatus early = sets.hcpcs("G0101", d("2017-12-31"));
        assertThat(early.status()).isEqualTo(NOT_COVERED);
        assertThat(early.isError()).isFalse();
        assertThat(early.source()).isEqualTo(
                "no loaded HCPCS Level II file covers 2017-12-31 (loaded: 2019 for 2018-01-01 to 2019-12-31)");
        assertThat(sets.hcpcs("G0101", d("2020-01-01")).status()).isEqualTo(NOT_COVERED);
    }

    @Test
    void modifiersFromThe2019File() {
        assertThat(sets.hasModifierList()).isTrue();
        assertThat(sets.isKnownModifier("LT")).isTrue();
        assertThat(sets.isKnownModifier("lt")).isTrue();
        assertThat(sets.isKnownModifier("25")).isFalse(); // CPT modifier: not in the Level II file
        assertThat(sets.isKnownModifier("QQQ")).isFalse();
        assertThat(sets.modifier("CO", d("2018-12-31")).status()).isEqualTo(NOT_YET_EFFECTIVE);
        assertThat(sets.modifier("CO", d("2019-01-01")).status()).isEqualTo(VALID);
        HcpcsStatus za = sets.modifier("ZA", d("2018-04-01"));
        assertThat(za.status()).isEqualTo(TERMINATED);
        assertThat(za.codeSystem()).isEqualTo("HCPCS Level II modifier");
        assertThat(sets.modifier("ZZ", d("2019-01-01")).status()).isEqualTo(UNKNOWN);
        // A modifier is not a procedure code and the other way round.
        assertThat(sets.hcpcs("LT", d("2019-01-01")).status()).isEqualTo(UNKNOWN);
    }

    @Test
    void procedureChoosesHcpcsOrCpt() {
        assertThat(sets.procedure("J9310", d("2019-01-01")).codeSystem()).isEqualTo("HCPCS Level II");
        HcpcsStatus cpt = sets.procedure("99213", d("2019-01-01"));
        assertThat(cpt.codeSystem()).isEqualTo("CPT");
        assertThat(cpt.status()).isEqualTo(NOT_COVERED);
        assertThat(cpt.message()).isEqualTo("CPT 99213 was checked for shape only: no CPT code list loaded.");
    }

    // ---- excerpts and several releases

    @Test
    void the2026ExcerptChecksWhatItHoldsOnly() {
        assertThat(excerpts.hasModifierList()).isFalse(); // an excerpt cannot prove a modifier unknown
        assertThat(excerpts.isKnownModifier("AB")).isTrue();
        assertThat(excerpts.modifier("AC", d("2026-06-30")).status()).isEqualTo(NOT_YET_EFFECTIVE);
        assertThat(excerpts.modifier("AC", d("2026-07-01")).status()).isEqualTo(VALID);
        assertThat(excerpts.modifier("JG", d("2025-01-01")).status()).isEqualTo(TERMINATED);
        HcpcsStatus lt = excerpts.modifier("LT", d("2026-03-02"));
        assertThat(lt.status()).isEqualTo(NOT_COVERED);
        assertThat(lt.source()).isEqualTo("it is not in the loaded HCPCS Level II 2026 October alpha-numeric file "
                + "excerpt (HCPC2026_OCT_ANWEB.excerpt.csv)");
        assertThat(excerpts.hcpcs("G0283", d("2026-03-02")).status()).isEqualTo(NOT_COVERED);
    }

    @Test
    void theNewestReleaseCoveringTheDateAnswers() {
        CodeSets.Builder b = CodeSets.builder();
        CmsSamples.hcpcs2019().forEach(r -> b.hcpcs(Y2019, r));
        try {
            CmsSamples.hcpcs2026Oct().forEach(r -> b.hcpcs(Y2026_OCT, r));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        CodeSets both = b.build();
        // JG: open-ended in the 2019 file, terminated 2024-12-31 in the 2026 file.
        assertThat(both.modifier("JG", d("2019-06-01")).status()).isEqualTo(VALID);
        assertThat(both.modifier("JG", d("2025-06-01")).status()).isEqualTo(TERMINATED);
        assertThat(both.modifier("JG", d("2022-06-01")).status()).isEqualTo(NOT_COVERED);
        assertThat(both.hasModifierList()).isTrue();
    }

    // ---- CPT

    @Test
    void cptListWithPeriods() {
        // Synthetic list rows.
        CodeSets c = CodeSets.builder()
                .cpt(new CptCode("0001U", d("2017-01-01"), d("2021-12-31"), "cpt.csv", 2))
                .cpt(new CptCode("99213", null, null, "cpt.csv", 3))
                .build();
        assertThat(c.cpt("0001U", d("2021-12-31")).status()).isEqualTo(VALID);
        assertThat(c.cpt("0001U", d("2022-01-01")).status()).isEqualTo(TERMINATED);
        assertThat(c.cpt("0001U", d("2016-12-31")).status()).isEqualTo(NOT_YET_EFFECTIVE);
        assertThat(c.cpt("99213", d("1990-01-01")).status()).isEqualTo(VALID);
        assertThat(c.cpt("99214", d("2020-01-01")).status()).isEqualTo(UNKNOWN);
        assertThat(c.hcpcs("J9310", d("2020-01-01")).status()).isEqualTo(NOT_COVERED);
    }

    // ---- describe

    @Test
    void describeSaysWhatWasLoadedAndWhatGetsShapeChecksOnly() {
        assertThat(sets.describe()).containsExactly(
                "ICD-10-CM FY2026 order file (100 codes, 83 billable; icd10cm_order_2026.txt)",
                "HCPCS Level II 2019 alpha-numeric file (6440 codes, 360 modifiers; dates of service 2018-01-01 to "
                        + "2019-12-31; HCPC2019_CONTR_ANWEB.txt)",
                "CPT: no code list loaded, shape checks only");
        assertThat(excerpts.describe()).containsExactly(
                "ICD-10-CM FY2026 order file excerpt (100 codes, 83 billable; icd10cm_order_2026.excerpt.txt; codes "
                        + "not in the excerpt are checked for shape only)",
                "HCPCS Level II 2026 October alpha-numeric file excerpt (0 codes, 35 modifiers; dates of service "
                        + "2025-01-01 to 2026-12-31; HCPC2026_OCT_ANWEB.excerpt.csv; codes not in the excerpt are "
                        + "checked for shape only)",
                "CPT: no code list loaded, shape checks only");
    }

    @Test
    void emptySaysShapeChecksOnly() {
        assertThat(CodeSets.EMPTY.isEmpty()).isTrue();
        assertThat(CodeSets.EMPTY.describe()).containsExactly(
                "Code sets: none loaded; ICD-10-CM, HCPCS and CPT codes get shape checks only");
        assertThat(CodeSets.EMPTY.icd("A000", d("2026-03-02")).status()).isEqualTo(IcdStatus.Status.NOT_COVERED);
        assertThat(CodeSets.EMPTY.icd("A000", d("2026-03-02")).message()).isEqualTo("No ICD-10-CM order file is "
                + "loaded for FY2026 (2025-10-01 to 2026-09-30); loaded: none. A00.0 was checked for shape only.");
        assertThat(CodeSets.EMPTY.hcpcs("J9310", d("2026-03-02")).status()).isEqualTo(NOT_COVERED);
        assertThat(CodeSets.EMPTY.hasModifierList()).isFalse();
        assertThat(CodeSets.EMPTY.isKnownModifier("LT")).isFalse();
    }

    @Test
    void repeatedRowsAreReportedByTheBuilder() {
        CodeSets.Builder b = CodeSets.builder();
        HcpcsRecord r = CmsSamples.find(CmsSamples.hcpcs2019(), "LT");
        b.hcpcs(Y2019, r).hcpcs(Y2019, r);
        assertThat(b.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("HCPCS LT appears again"));
    }
}
