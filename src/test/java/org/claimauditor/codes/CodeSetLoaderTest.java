package org.claimauditor.codes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeSetLoaderTest {

    /** src/test/resources/cms-samples as it is: NCCI, X12 and code-set files side by side, the 2019 HCPCS file zipped. */
    private static CodeSetLoader.Result shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadShared() {
        shared = CodeSetLoader.load(CmsSamples.DIR);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void recognisesTheRealFilesByNameAndSkipsTheRest() {
        assertThat(shared.problems()).isEmpty();
        assertThat(shared.codeSets().describe()).containsExactly(
                "ICD-10-CM FY2026 order file excerpt (100 codes, 83 billable; icd10cm/icd10cm_order_2026.excerpt.txt; "
                        + "codes not in the excerpt are checked for shape only)",
                "HCPCS Level II 2019 alpha-numeric file (6440 codes, 360 modifiers; dates of service 2018-01-01 to "
                        + "2019-12-31; hcpcs/2019-Alpha-Numeric-HCPCS-File.zip!/HCPC2019_CONTR_ANWEB.txt)",
                "HCPCS Level II 2026 October alpha-numeric file excerpt (0 codes, 35 modifiers; dates of service "
                        + "2025-01-01 to 2026-12-31; hcpcs/HCPC2026_OCT_ANWEB.excerpt.csv; codes not in the excerpt "
                        + "are checked for shape only)",
                "CPT: no code list loaded, shape checks only");
        assertThat(shared.ignored()).contains(
                "hcpcs/2019-Alpha-Numeric-HCPCS-File.zip!/HCPC2019_CONTR_ANWEB.xlsx",
                "hcpcs/2019-Alpha-Numeric-HCPCS-File.zip!/HCPC2019_README.txt",
                "hcpcs/2019-Alpha-Numeric-HCPCS-File.zip!/Changes_by_HCPCSCode.prn",
                "icd10cm/fy2027-changes.deleted.csv",
                "ptp/ccipra-v322r0-f1.excerpt.txt",
                "PROVENANCE.md");
        CodeSets sets = shared.codeSets();
        assertThat(sets.hcpcs("J9310", d("2019-01-01")).status()).isEqualTo(HcpcsStatus.Status.TERMINATED);
        assertThat(sets.modifier("JG", d("2025-06-01")).status()).isEqualTo(HcpcsStatus.Status.TERMINATED);
        assertThat(sets.hasModifierList()).isTrue();
        assertThat(sets.icd("M54.5", d("2026-03-02")).status()).isEqualTo(IcdStatus.Status.HEADER);
    }

    @Test
    void readsCodeSetsInsideAZippedFolder() throws IOException {
        Path zip = dir.resolve("code-sets.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            // The real excerpt under the complete file's name: absent codes then count as not in FY2026.
            put(z, "FY2026/icd10cm_order_2026.txt", Files.readAllBytes(CmsSamples.ICD_2026_EXCERPT));
            put(z, "HCPCS/HCPC2026_OCT_ANWEB.csv", Files.readAllBytes(CmsSamples.HCPCS_2026_OCT_EXCERPT));
            put(z, "README.txt", "notes".getBytes(StandardCharsets.US_ASCII));
            put(z, "__MACOSX/FY2026/._icd10cm_order_2026.txt", new byte[] {0});
        }
        // A synthetic user CPT list next to the zip.
        Files.writeString(dir.resolve("cpt-codes.csv"), "code,effective,termination\n99213,1992-01-01,\n");

        CodeSetLoader.Result r = CodeSetLoader.load(dir);

        assertThat(r.problems()).isEmpty();
        assertThat(r.ignored()).containsExactly("code-sets.zip!/README.txt",
                "code-sets.zip!/__MACOSX/FY2026/._icd10cm_order_2026.txt");
        CodeSets sets = r.codeSets();
        assertThat(sets.icdFiscalYears()).containsExactly(2026);
        assertThat(sets.icd("E11.9", d("2026-03-02")).status()).isEqualTo(IcdStatus.Status.NOT_IN_YEAR);
        assertThat(sets.icd("A00.1", d("2026-03-02")).source())
                .isEqualTo("ICD-10-CM FY2026 order file code-sets.zip!/FY2026/icd10cm_order_2026.txt line 3");
        assertThat(sets.hasModifierList()).isTrue();
        assertThat(sets.isKnownModifier("CP")).isTrue();
        assertThat(sets.cpt("99213", d("2026-03-02")).status()).isEqualTo(HcpcsStatus.Status.VALID);
        assertThat(sets.describe()).last().isEqualTo("CPT code list (1 codes; cpt-codes.csv)");
    }

    @Test
    void severalFiscalYearsAtOnce() throws IOException {
        // The FY2026 excerpt also filed as FY2025 - only to exercise the loader, not a real FY2025 file.
        Files.copy(CmsSamples.ICD_2026_EXCERPT, dir.resolve("icd10cm_order_2026.txt"));
        Files.createDirectory(dir.resolve("older"));
        Files.copy(CmsSamples.ICD_2026_EXCERPT, dir.resolve("older/icd10cm_order_2025.txt"));

        CodeSets sets = CodeSetLoader.load(dir).codeSets();

        assertThat(sets.icdFiscalYears()).containsExactly(2025, 2026);
        assertThat(sets.icd("A000", d("2025-03-01")).status()).isEqualTo(IcdStatus.Status.VALID);
        assertThat(sets.icd("A000", d("2025-03-01")).billableInFiscalYears()).containsExactly(2025, 2026);
        assertThat(sets.icd("A000", d("2024-09-30")).status()).isEqualTo(IcdStatus.Status.NOT_COVERED);
    }

    @Test
    void oneFilePerHcpcsReleaseTheFixedWidthTextPreferred() throws IOException {
        // Two real lines of the 2019 file (modifier LT and code J9310) as a fixed-width file of that release,
        // and a CSV of the same release that must not be read.
        String[] lines = new String(CmsSamples.hcpcs2019Bytes(), StandardCharsets.ISO_8859_1).split("\r\n", -1);
        Files.writeString(dir.resolve("HCPC2019_CONTR_ANWEB.txt"), lines[291] + "\r\n" + lines[7791] + "\r\n",
                StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("HCPC2019_ANWEB.csv"), "not read\n");

        CodeSetLoader.Result r = CodeSetLoader.load(dir);

        assertThat(r.problems()).isEmpty();
        assertThat(r.ignored()).containsExactly("HCPC2019_ANWEB.csv (same HCPCS release as HCPC2019_CONTR_ANWEB.txt)");
        assertThat(r.codeSets().hcpcs("J9310", d("2018-06-01")).status()).isEqualTo(HcpcsStatus.Status.VALID);
        assertThat(r.codeSets().isKnownModifier("LT")).isTrue();
    }

    @Test
    void aNamedFolderThatIsMissingOrHoldsNoCodeSetFileFailsTheLoad() throws IOException {
        // A typo in --code-sets used to mean shape checks only, with a warning easy to miss.
        assertThatThrownBy(() -> CodeSetLoader.load(dir.resolve("nope")))
                .isInstanceOf(CodeSetLoadException.class)
                .hasMessageStartingWith("code-set folder not found: ");
        Files.writeString(dir.resolve("notes.txt"), "nothing here");
        assertThatThrownBy(() -> CodeSetLoader.load(dir))
                .isInstanceOf(CodeSetLoadException.class)
                .hasMessageStartingWith("no code-set files in " + dir + " (expected icd10cm_order_<year>.txt");
        assertThat(CodeSets.EMPTY.describe()).containsExactly(
                "Code sets: none loaded; ICD-10-CM, HCPCS and CPT codes get shape checks only");
    }

    @Test
    void problemsAreCappedPerFile() throws IOException {
        StringBuilder bad = new StringBuilder("code,effective,termination\n");
        for (int i = 0; i < 25; i++) {
            bad.append("bad").append(i).append(",2020-01-01,\n");
        }
        Files.writeString(dir.resolve("cpt-list.csv"), bad);
        // Not one code: loaded, the list would make every CPT code on every claim unknown.
        assertThatThrownBy(() -> CodeSetLoader.load(dir))
                .isInstanceOf(CodeSetLoadException.class)
                .hasMessage("cannot load code sets: cpt-list.csv:2: no code could be read (25 problem(s)); first: "
                        + "'BAD0' is not a CPT code (5 digits, or 4 digits + F/T/U)");

        Files.writeString(dir.resolve("cpt-list.csv"), bad.append("99213,1992-01-01,\n"));
        CodeSetLoader.Result r = CodeSetLoader.load(dir);

        assertThat(r.problems()).hasSize(CodeSetLoader.MAX_PROBLEMS_PER_FILE + 1);
        assertThat(r.problems().get(0)).hasToString("cpt-list.csv:2: 'BAD0' is not a CPT code (5 digits, or 4 digits + F/T/U)");
        assertThat(r.problems()).last().hasToString("cpt-list.csv:0: 5 more problems not listed");
        assertThat(r.codeSets().cpt("99213", d("2026-03-02")).status()).isEqualTo(HcpcsStatus.Status.VALID);
    }

    @Test
    void theBundledSampleFolderLoads() {
        CodeSetLoader.Result r = CodeSetLoader.load(Path.of("test-claims/code-sets-sample"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.ignored()).allMatch(s -> s.equals("README.md") || s.startsWith("2019-Alpha-Numeric-HCPCS-File.zip!/"));
        assertThat(r.codeSets().describe()).hasSize(4);
        assertThat(r.codeSets().describe().get(1)).startsWith("HCPCS Level II 2019 alpha-numeric file (6440 codes, "
                + "360 modifiers;");
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        OutputStream out = z;
        out.write(bytes);
        z.closeEntry();
    }
}
