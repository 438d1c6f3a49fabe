package org.claimauditor.ncci;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AocFileReaderTest {

    static final Path REAL = Path.of("src/test/resources/cms-samples/aoc/AOC_V2026Q2-MCR.xlsx");
    static final List<AocRow> REAL_ROWS = new ArrayList<>();
    static final List<ReadProblem> REAL_PROBLEMS = new ArrayList<>();
    static int realCount;

    @BeforeAll
    static void readRealWorkbookOnce() throws IOException {
        try (InputStream in = Files.newInputStream(REAL)) {
            realCount = AocFileReader.read(in, "aoc.xlsx", REAL_ROWS::add, REAL_PROBLEMS);
        }
    }

    static AocRow realRow(int excelRow) {
        return REAL_ROWS.stream().filter(r -> r.row() == excelRow).findFirst().orElseThrow();
    }

    @Test
    void readsAllRowsOfTheRealWorkbook() {
        assertThat(realCount).isEqualTo(9000);
        assertThat(REAL_PROBLEMS).isEmpty();
        assertThat(REAL_ROWS.get(0).row()).isEqualTo(3); // row 1 notice, row 2 header
        assertThat(REAL_ROWS.get(8999).row()).isEqualTo(9002);
        Map<Integer, Long> byType = REAL_ROWS.stream()
                .collect(Collectors.groupingBy(AocRow::editType, Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(1, 8293L, 2, 47L, 3, 660L));
        assertThat(REAL_ROWS).filteredOn(r -> r.primaryCode().equals(AocRow.CONTRACTOR_DEFINED)).hasSize(55);
        assertThat(REAL_ROWS).filteredOn(r -> r.deletion() != null).hasSize(1260);
    }

    @Test
    void decodesJulianDatesOfKnownRows() {
        // Row 3: 2 | 0054T | | CCCCC | | 2013091 | | Contractor Defined Primary Codes
        assertThat(realRow(3)).isEqualTo(new AocRow(2, "0054T", null, "CCCCC", null, LocalDate.of(2013, 4, 1),
                null, "Contractor Defined Primary Codes", "aoc.xlsx", 3));
        // Row 5: 1 | 0071U | | 0070U | | 2018274 (a common year: day 274 is 1 October)
        assertThat(realRow(5)).isEqualTo(new AocRow(1, "0071U", null, "0070U", null, LocalDate.of(2018, 10, 1),
                null, "", "aoc.xlsx", 5));
        // Row 239: 1 | 0649T | | 0398T | 2024366 | 2021182 | 2024366 (2024 is a leap year)
        assertThat(realRow(239)).extracting(AocRow::primaryDeletion, AocRow::effective, AocRow::deletion)
                .containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2021, 7, 1), LocalDate.of(2024, 12, 31));
        // Row 9001: 1 | U0005 | 2023181 | U0003 | 2023365 | 2021274 | 2023181
        assertThat(realRow(9001)).isEqualTo(new AocRow(1, "U0005", LocalDate.of(2023, 6, 30), "U0003",
                LocalDate.of(2023, 12, 31), LocalDate.of(2021, 10, 1), LocalDate.of(2023, 6, 30), "", "aoc.xlsx",
                9001));
        // Row 6050: a type 3 edit with a contractor-defined primary
        assertThat(realRow(6050)).extracting(AocRow::editType, AocRow::addOnCode, AocRow::primaryCode,
                AocRow::effective).containsExactly(3, "49327", "CCCCC", LocalDate.of(2014, 1, 1));
    }

    @Test
    void readsNumericDatesReorderedColumnsAndReportsBadRows() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "notice");
            // Header in another order, starting in column B, with an extra column.
            row(sheet, 2, null, "Add-On_Code", "AOC_Edit_Type", "Primary_Code", "AOC_Edit_EffDT", "AOC_Edit_DelDT",
                    "Extra", "Special_Instruction_Notes");
            Row numeric = sheet.createRow(3);
            numeric.createCell(1).setCellValue("99292");
            numeric.createCell(2).setCellValue(1);          // numeric edit type
            numeric.createCell(3).setCellValue("99291");
            numeric.createCell(4).setCellValue(2024060);    // numeric Julian date: 29 February 2024
            numeric.createCell(5).setCellValue("*");
            row(sheet, 4, null, "99292", "4", "99291", "2024001");            // bad type
            row(sheet, 5, null, "99292", "1", "99291", "2023366");            // 2023 has 365 days
            row(sheet, 6, null, "99292", "1", "99291", "");                   // no effective date
            row(sheet, 7, null, "9929", "1", "99291", "2024001");             // bad code
            row(sheet, 8);                                                    // blank row: ignored
            row(sheet, 9, null, "99292", "3", "CCCCC", "2024001", "2024366", "", "see manual");
        });
        List<AocRow> rows = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        int good = AocFileReader.read(new ByteArrayInputStream(xlsx), "s.xlsx", rows::add, problems);

        assertThat(good).isEqualTo(2);
        assertThat(rows.get(0)).isEqualTo(new AocRow(1, "99292", null, "99291", null, LocalDate.of(2024, 2, 29),
                null, "", "s.xlsx", 4));
        assertThat(rows.get(1)).extracting(AocRow::editType, AocRow::deletion, AocRow::notes, AocRow::row)
                .containsExactly(3, LocalDate.of(2024, 12, 31), "see manual", 10);
        Map<Integer, String> byRow = problems.stream()
                .collect(Collectors.toMap(ReadProblem::line, ReadProblem::message));
        assertThat(byRow).containsOnlyKeys(5, 6, 7, 8);
        assertThat(byRow.get(5)).contains("AOC_Edit_Type");
        assertThat(byRow.get(6)).contains("Julian", "2023366");
        assertThat(byRow.get(7)).contains("AOC_Edit_EffDT");
        assertThat(byRow.get(8)).contains("Add-On_Code");
    }

    @Test
    void aMissingHeaderOrColumnFailsTheFile() throws IOException {
        byte[] xlsx = workbook(sheet -> row(sheet, 0, "1", "99292", "", "99291"));
        List<ReadProblem> problems = new ArrayList<>();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AocFileReader.read(new ByteArrayInputStream(xlsx), "s.xlsx", r -> { }, problems))
                .isInstanceOf(NcciLoadException.class)
                .hasMessage("cannot load NCCI tables: s.xlsx: no header row with AOC_Edit_Type and Add-On_Code on the "
                        + "first sheet: not a CMS add-on code table");
        byte[] noEffective = workbook(sheet -> {
            row(sheet, 0, "notice");
            row(sheet, 1, "AOC_Edit_Type", "Add-On_Code", "Primary_Code");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AocFileReader.read(new ByteArrayInputStream(noEffective), "s.xlsx", r -> { }, problems))
                .hasMessage("cannot load NCCI tables: s.xlsx:2: header row lacks column AOC_Edit_EffDT");
        assertThat(problems).isEmpty();
    }

    static byte[] workbook(java.util.function.Consumer<Sheet> fill) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(book.createSheet("AOC"));
            book.write(out);
            return out.toByteArray();
        }
    }

    /** Text cells; null leaves the cell out. */
    static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }
}
