package org.claimauditor.ncci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NcciLoaderTest {

    static final Path SAMPLE = Path.of("test-claims", "ncci-sample");
    static final String HEADER = "Notice\t\t\t\t\t\t\r\nColumn 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n";

    /** A date in the sample's 2026 Q3, which every table of the sample covers. */
    static final LocalDate Q3 = LocalDate.of(2026, 8, 3);

    @TempDir
    Path dir;

    @Test
    void loadsTheBundledSampleSet() {
        NcciTables t = NcciLoader.load(SAMPLE);
        assertThat(t.ptpFor("PROFESSIONAL", Q3).size()).isEqualTo(154 + 6);
        assertThat(t.ptpFor("INSTITUTIONAL", Q3).size()).isEqualTo(2);
        assertThat(t.mueFor("PROFESSIONAL", Q3).size()).isEqualTo(44 + 7);
        assertThat(t.mueFor("INSTITUTIONAL", Q3).size()).isEqualTo(3);
        assertThat(t.mueFor("DME", Q3).size()).isEqualTo(2);
        assertThat(t.aocFor(Q3).size()).isEqualTo(9000);
        // the second quarter of the sample (synthetic): what the quarter-boundary fixtures need
        assertThat(t.ptpPractitioner().size()).isEqualTo(7);
        assertThat(t.muePractitioner().size()).isEqualTo(7);
        assertThat(t.problems()).as("the same codes in two quarters are no problem").isEmpty();
        assertThat(t.describe()).containsExactly(
                "NCCI practitioner PTP v322r0 (160 edits) for dates of service 2026-07-01 to 2026-09-30",
                "NCCI practitioner PTP v323r0 (7 edits) for dates of service 2026-10-01 to 2026-12-31",
                "NCCI outpatient hospital PTP v322r0 (2 edits) for dates of service 2026-07-01 to 2026-09-30",
                "NCCI practitioner MUE Eff 2026-07-01 (51 codes) for dates of service 2026-07-01 to 2026-09-30",
                "NCCI practitioner MUE Eff 2026-10-01 (7 codes) for dates of service 2026-10-01 to 2026-12-31",
                "NCCI outpatient hospital MUE Eff 2026-07-01 (3 codes) for dates of service 2026-07-01 to 2026-09-30",
                "NCCI DME supplier MUE Eff 2026-07-01 (2 codes) for dates of service 2026-07-01 to 2026-09-30",
                "NCCI add-on codes 2026Q2 (9000 rows) for dates of service 2026-04-01 to 2026-06-30",
                "NCCI add-on codes 2026Q3 (9000 rows) for dates of service 2026-07-01 to 2026-09-30");
    }

    @Test
    void ptpLookupIsEffectiveDatedAndDirectional() {
        PtpTable ptp = NcciLoader.load(SAMPLE).ptpFor("PROFESSIONAL", Q3);
        // real row: 0001A/99211 effective 2022-01-01, deleted 2023-12-31 (inclusive), indicator 1
        assertThat(ptp.find("0001A", "99211", LocalDate.of(2021, 12, 31))).isNull();
        assertThat(ptp.find("0001A", "99211", LocalDate.of(2022, 1, 1))).isNotNull();
        PtpEdit last = ptp.find("0001A", "99211", LocalDate.of(2023, 12, 31));
        assertThat(last.modifierIndicator()).isEqualTo('1');
        assertThat(last.source()).contains("0001A/99211").contains("ccipra-v322r0-f1.txt line");
        assertThat(ptp.find("0001A", "99211", LocalDate.of(2024, 1, 1))).isNull();
        assertThat(ptp.find("99211", "0001A", LocalDate.of(2022, 6, 1))).as("column order matters").isNull();
        assertThat(ptp.find("0001A", "90473", LocalDate.of(2022, 1, 1)).modifierIndicator()).isEqualTo('9');
        assertThat(ptp.find("97140", "97110", LocalDate.of(2026, 3, 2)).deletion()).isNull();
    }

    @Test
    void pairListedTwiceUsesTheRowInForce() throws IOException {
        Files.writeString(dir.resolve("ccipra-v330r0-f1.txt"), HEADER
                + "11111\t22222\t\t20100101\t20151231\t0\tOld rationale\r\n"
                + "11111\t22222\t\t20200101\t*\t1\tNew rationale\r\n");
        PtpTable ptp = NcciLoader.load(dir).ptpPractitioner();
        assertThat(ptp.find("11111", "22222", LocalDate.of(2012, 1, 1)).modifierIndicator()).isEqualTo('0');
        assertThat(ptp.find("11111", "22222", LocalDate.of(2018, 1, 1))).isNull();
        assertThat(ptp.find("11111", "22222", LocalDate.of(2026, 1, 1)).rationale()).isEqualTo("New rationale");
    }

    @Test
    void readsZippedPartFilesAsOneTable() throws IOException {
        try (OutputStream os = Files.newOutputStream(dir.resolve("ncci-ptp.zip")); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (int f = 1; f <= 2; f++) {
                zip.putNextEntry(new ZipEntry("ccipra-v330r0-f" + f + ".txt"));
                zip.write((HEADER + "1111" + f + "\t22222\t\t20100101\t*\t1\tR\r\n").getBytes());
                zip.closeEntry();
            }
        }
        NcciTables t = NcciLoader.load(dir);
        assertThat(t.ptpPractitioner().size()).isEqualTo(2);
        assertThat(t.ptpPractitioner().files()).containsExactly("ncci-ptp.zip!/ccipra-v330r0-f1.txt", "ncci-ptp.zip!/ccipra-v330r0-f2.txt");
        assertThat(t.ptpPractitioner().find("11112", "22222", LocalDate.of(2026, 1, 1)).file()).endsWith("f2.txt");
    }

    @Test
    void badRowsAreCountedAndFailTheLoadAboveTheShare() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 99; i++) {
            rows.append(String.format("1%04d\t22222\t\t20100101\t*\t1\tR\r\n", i));
        }
        rows.append("10099\t22222\t\t2010-01-01\t*\t1\tR\r\n");
        Files.writeString(dir.resolve("ccipra-v330r0-f1.txt"), rows);
        assertThatThrownBy(() -> NcciLoader.load(dir, 0.001))
                .isInstanceOf(NcciLoadException.class)
                .hasMessage("cannot load NCCI tables: ccipra-v330r0-f1.txt: 1 of 100 rows could not be read (more than "
                        + "the tolerated 0.1 %); first: ccipra-v330r0-f1.txt:102: bad effective date '2010-01-01' "
                        + "(want YYYYMMDD)");
        NcciTables tolerant = NcciLoader.load(dir, 0.05);
        assertThat(tolerant.ptpPractitioner().size()).isEqualTo(99);
        assertThat(tolerant.problems()).singleElement().asString().contains("ccipra-v330r0-f1.txt:102");
    }

    @Test
    void theToleratedShareMustBeAShare() {
        assertThatThrownBy(() -> NcciLoader.load(SAMPLE, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the share of unreadable NCCI rows tolerated must be between 0 and 1 (0.001 = 0.1 %), not 1.5");
        assertThatThrownBy(() -> NcciLoader.load(SAMPLE, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NcciLoader.load(SAMPLE, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noTablesIsALoudError() throws IOException {
        assertThatThrownBy(() -> NcciLoader.load(dir.resolve("missing"))).hasMessageContaining("--no-ncci");
        Files.writeString(dir.resolve("notes.txt"), "nothing here");
        assertThatThrownBy(() -> NcciLoader.load(dir)).hasMessageContaining("no NCCI files").hasMessageContaining("--no-ncci");
        assertThat(NcciTables.NONE.describe()).containsExactly("NCCI: not applied (--no-ncci)");
    }

    @Test
    void addOnEditsFollowTheirDatesAndContractorPrimaries() {
        AocTable aoc = NcciLoader.load(SAMPLE).aocFor(LocalDate.of(2026, 5, 1));
        AddOnEdit critical = aoc.find("99292", LocalDate.of(2026, 3, 15), null, null);
        assertThat(critical.editType()).isEqualTo(1);
        assertThat(critical.accepts("99291")).isTrue();
        assertThat(critical.source()).contains("AOC_V2026Q2-MCR.xlsx row 8548");
        assertThat(aoc.find("99292", LocalDate.of(2013, 3, 31), null, null)).as("before its 2013-04-01 effective date").isNull();
        assertThat(aoc.find("99213", LocalDate.of(2026, 3, 15), null, null)).as("not an add-on code").isNull();
        AddOnEdit type2 = aoc.find("15777", LocalDate.of(2026, 3, 15), null, null);
        assertThat(type2.editType()).isEqualTo(2);
        assertThat(type2.undefined()).isTrue();
        AddOnEdit defined = aoc.find("15777", LocalDate.of(2026, 3, 15), java.util.List.of(org.claimauditor.codes.CodeRange.parse("19357")), "policy X");
        assertThat(defined.undefined()).isFalse();
        assertThat(defined.accepts("19357")).isTrue();
    }
}
