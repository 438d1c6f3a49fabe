package org.claimauditor.ncci;

import org.claimauditor.codes.CodeSetLoadException;
import org.claimauditor.codes.CodeSetLoader;
import org.claimauditor.engine.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, item 4: broken reference files never mean fewer edits in silence. Each case is a folder of broken
 * files under src/test/resources/robustness/ncci (made by make-cases.py there) laid over a copy of the bundled
 * sample set; the load must fail with one line naming the file (and line when there is one).
 */
class ReferenceDataIntegrityTest {

    static final Path CASES = Path.of("src/test/resources/robustness/ncci");
    static final Path NCCI_SAMPLE = Path.of("test-claims/ncci-sample");
    static final Path CODE_SETS_SAMPLE = Path.of("test-claims/code-sets-sample");

    @TempDir
    Path dir;

    /** The sample set, without the files named in {@code remove}, with the case's files laid over it. */
    Path folder(Path sample, String caseName, String... remove) throws IOException {
        FileSystemUtils.copyRecursively(sample, dir);
        for (String name : remove) {
            Files.delete(dir.resolve(name));
        }
        FileSystemUtils.copyRecursively(CASES.resolve(caseName), dir);
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ptp-zip-corrupt   | ncci-ptp-v322r0.zip: not a readable zip archive (
            ptp-entry-corrupt | ncci-ptp-v322r0.zip!/ccipra-v322r0-f1.txt:
            ptp-zip-bomb      | ncci-ptp-v322r0.zip!/ccipra-v322r0-f1.txt:
            """)
    void aBrokenZipOfPtpFilesFailsTheLoad(String caseName, String where) throws IOException {
        Path ncci = folder(NCCI_SAMPLE, caseName, "ccipra-v322r0-f1.txt", "ccipra-v322r0-f2.txt");
        String message = failure(ncci);
        assertThat(message).startsWith("cannot load NCCI tables: " + where);
        switch (caseName) {
            case "ptp-zip-corrupt" -> assertThat(message).contains("replace it, or remove it from the folder");
            case "ptp-entry-corrupt" -> assertThat(message).contains("cannot read on from here: damaged zip entry (");
            default -> assertThat(message).contains("expands to more than 100 times its compressed size",
                    "(maxZipRatio): a zip bomb");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ptp-empty         | ccioph-v322r0-f1.txt: the file is empty
            ptp-header-only   | ccipra-v322r0-f2.txt: holds a header but no rows
            mue-no-header     | MCR_MUE_PractitionerServices_Eff_07-01-2026.csv:9: MUE row before the 'HCPCS/CPT Code' header record
            aoc-not-xlsx      | AOC_V2026Q2-MCR.xlsx: not a readable .xlsx workbook (
            aoc-zip-bomb      | AOC_V2026Q2-MCR.xlsx: a part of the workbook expands to more than 100 times its compressed size (maxZipRatio)
            ptp-share-diluted | ccioph-v322r0-f1.txt: 1 of 3 rows could not be read (more than the tolerated 0.1 %); first: ccioph-v322r0-f1.txt:9: bad effective date '2000-01-01'
            """)
    void aBrokenTableFailsTheLoadWithOneLineNamingTheFile(String caseName, String expected) throws IOException {
        assertThat(failure(folder(NCCI_SAMPLE, caseName))).startsWith("cannot load NCCI tables: " + expected);
    }

    @Test
    void theShareIsCountedPerFileNotOverAllTables() throws IOException {
        // The same bad row once counted over all ~9,250 rows of the set passed the default 0.1 %; per file it is
        // 1 of 3. Tolerated when the share allows it, and then listed with file and line.
        Path ncci = folder(NCCI_SAMPLE, "ptp-share-diluted");
        NcciTables tolerant = NcciLoader.load(ncci, 0.5);
        assertThat(tolerant.ptpHospital().size()).isEqualTo(2);
        assertThat(tolerant.problems()).singleElement().asString().startsWith("ccioph-v322r0-f1.txt:9: bad effective date");
    }

    @Test
    void zipEntriesAreCappedInSizeAndCount() throws IOException {
        String row = "11111\t22222\t\t20200101\t*\t1\tR\r\n";
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("ptp.zip")))) {
            z.putNextEntry(new ZipEntry("ccipra-v330r0-f1.txt"));
            z.write(NcciLoaderTest.HEADER.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 3000; i++) {
                z.write(row.replace("11111", String.format("1%04d", i)).getBytes(StandardCharsets.US_ASCII));
            }
            z.closeEntry();
        }
        assertThat(NcciLoader.load(dir).ptpPractitioner().size()).isEqualTo(3000);
        assertThatThrownBy(() -> NcciLoader.load(dir, 0.001, Limits.DEFAULTS.withMaxUnzippedBytes(50_000)))
                .isInstanceOf(NcciLoadException.class)
                .hasMessageStartingWith("cannot load NCCI tables: ptp.zip!/ccipra-v330r0-f1.txt:")
                .hasMessageEndingWith("expands to more than 50000 bytes, the limit for one zip entry (maxUnzippedBytes)");
        assertThat(NcciLoader.load(dir, 0.001, Limits.DEFAULTS.withMaxZipEntries(1)).ptpPractitioner().size())
                .as("one entry is within a limit of one").isEqualTo(3000);
        assertThatThrownBy(() -> NcciLoader.load(NCCI_SAMPLE.getParent().resolve("code-sets-sample"), 0.001,
                Limits.DEFAULTS.withMaxZipEntries(6)))
                .isInstanceOf(NcciLoadException.class)
                .hasMessageStartingWith("cannot load NCCI tables: 2019-Alpha-Numeric-HCPCS-File.zip: not a readable "
                        + "zip archive (holds 7 entries, more than the limit of 6 (maxZipEntries))");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            code-sets/hcpcs-zip-corrupt    | 2019-Alpha-Numeric-HCPCS-File.zip: not a readable zip archive (
            code-sets/hcpcs-entry-corrupt  | 2019-Alpha-Numeric-HCPCS-File.zip!/HCPC2019_CONTR_ANWEB.txt: cannot read: damaged zip entry (
            code-sets/icd-empty            | icd10cm_order_2026.excerpt.txt: the file is empty: it holds no code
            code-sets/hcpcs-csv-no-header  | HCPC2026_OCT_ANWEB.excerpt.csv: no code could be read (1 problem(s)); first: no header row starting with HCPC
            """)
    void aBrokenCodeSetFileFailsTheLoad(String caseName, String expected) throws IOException {
        Path codes = folder(CODE_SETS_SAMPLE, caseName);
        assertThatThrownBy(() -> CodeSetLoader.load(codes))
                .isInstanceOf(CodeSetLoadException.class)
                .hasMessageStartingWith("cannot load code sets: " + expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    static String failure(Path ncci) {
        NcciLoadException e = org.junit.jupiter.api.Assertions.assertThrows(NcciLoadException.class,
                () -> NcciLoader.load(ncci));
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
        return e.getMessage();
    }
}
