package org.claimauditor.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.claimauditor.claim.Codes;
import org.claimauditor.ncci.AddOnEdit;
import org.claimauditor.ncci.MueLimit;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.ncci.PtpEdit;
import org.claimauditor.ncci.PtpFileReader;
import org.claimauditor.ncci.PtpRow;
import org.claimauditor.ncci.ReadProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterGeneratorTest {

    static final QuarterGenerator.Size SMOKE = QuarterGenerator.Size.SMOKE;
    static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
    static final LocalDate MAR31 = LocalDate.of(2026, 3, 31);

    @TempDir
    static Path quarter;
    static Universe universe;
    static NcciTables tables;
    static List<PtpRow> practitionerRows;
    static List<PtpRow> hospitalRows;

    @BeforeAll
    static void generateOnce() throws IOException {
        universe = QuarterGenerator.generate(quarter, 42, SMOKE);
        tables = NcciLoader.load(quarter);
        practitionerRows = readPtp(true);
        hospitalRows = readPtp(false);
    }

    static List<PtpRow> readPtp(boolean practitioner) throws IOException {
        List<PtpRow> rows = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        for (int f = 1; f <= QuarterGenerator.PTP_PARTS; f++) {
            String name = QuarterGenerator.ptpFileName(practitioner, f);
            try (InputStream in = Files.newInputStream(quarter.resolve(name))) {
                PtpFileReader.read(in, name, rows::add, problems);
            }
        }
        assertThat(problems).isEmpty();
        return rows;
    }

    @Test
    void loadsWithExactRowCountsAndNoProblems() {
        assertThat(tables.problems()).isEmpty();
        assertThat(tables.ptpPractitioner().size()).isEqualTo(SMOKE.ptpPractitionerRows());
        assertThat(tables.ptpHospital().size()).isEqualTo(SMOKE.ptpHospitalRows());
        assertThat(tables.muePractitioner().size()).isEqualTo(SMOKE.mueCodes());
        assertThat(tables.mueHospital().size()).isEqualTo(SMOKE.mueCodes());
        assertThat(tables.mueDme().size()).isEqualTo(QuarterGenerator.dmeMueCodes(SMOKE)).isEqualTo(333);
        assertThat(tables.aoc().size()).isEqualTo(SMOKE.aocRows());
        assertThat(tables.rowsRead()).isEqualTo(20_000 + 10_000 + 2_000 + 2_000 + 333 + 500);
        assertThat(tables.ptpPractitioner().files()).containsExactly(
                "ccipra-v320r0-f1.txt", "ccipra-v320r0-f2.txt", "ccipra-v320r0-f3.txt", "ccipra-v320r0-f4.txt");
        assertThat(tables.ptpHospital().files()).hasSize(4);
        assertThat(tables.describe()).contains(
                "NCCI practitioner PTP v320r0 (20000 edits) for dates of service 2026-01-01 to 2026-03-31",
                "NCCI practitioner MUE Eff 2026-01-01 (2000 codes) for dates of service 2026-01-01 to 2026-03-31",
                "NCCI add-on codes 2026Q1 (500 rows) for dates of service 2026-01-01 to 2026-03-31");
    }

    @Test
    void ptpFilesHaveTheOfficialHeaderAndCrlfRows() throws IOException {
        List<String> sample = Files.readAllLines(Path.of("test-claims", "ncci-sample", "ccipra-v322r0-f2.txt"));
        long total = 0;
        for (boolean practitioner : new boolean[] {true, false}) {
            for (int f = 1; f <= 4; f++) {
                byte[] bytes = Files.readAllBytes(quarter.resolve(QuarterGenerator.ptpFileName(practitioner, f)));
                String text = new String(bytes, StandardCharsets.US_ASCII);
                assertThat(text.replace("\r\n", "")).as("CRLF line ends only").doesNotContain("\n", "\r");
                String[] lines = text.split("\r\n");
                assertThat(lines[0]).startsWith("SYNTHETIC NCCI").contains("not CMS data").endsWith("\t\t\t\t\t\t");
                for (int l = 1; l < 6; l++) {
                    assertThat(lines[l]).isEqualTo(sample.get(l));
                }
                for (int l = 6; l < lines.length; l++) {
                    assertThat(lines[l]).matches("[0-9A-Z]{5}\t[0-9A-Z]{5}\t\\*?\t\\d{8}\t(\\d{8}|\\*)\t[019]\t[A-Za-z /-]+");
                }
                total += lines.length - 6;
            }
        }
        assertThat(total).isEqualTo(SMOKE.ptpPractitionerRows() + SMOKE.ptpHospitalRows());
    }

    @Test
    void ptpRowsHaveARealisticMix() {
        for (List<PtpRow> rows : List.of(practitionerRows, hospitalRows)) {
            Set<String> pairs = new HashSet<>();
            Map<Character, Integer> indicators = new HashMap<>();
            Set<String> rationales = new HashSet<>();
            int noDeletion = 0;
            int deletedInThePast = 0;
            for (PtpRow r : rows) {
                assertThat(r.column1()).isNotEqualTo(r.column2());
                assertThat(pairs.add(r.column1() + r.column2())).as("pairs are distinct").isTrue();
                indicators.merge(r.modifierIndicator(), 1, Integer::sum);
                rationales.add(r.rationale());
                assertThat(r.effective()).isBetween(LocalDate.of(1996, 1, 1), JAN1);
                assertThat(r.before1996()).isEqualTo(r.effective().equals(LocalDate.of(1996, 1, 1)));
                if (r.deletion() == null) {
                    noDeletion++;
                } else if (r.modifierIndicator() == '9') {
                    assertThat(r.deletion()).as("deleted retroactively").isEqualTo(r.effective());
                } else {
                    assertThat(r.deletion()).isAfterOrEqualTo(r.effective()).isBefore(JAN1);
                    deletedInThePast++;
                }
            }
            double n = rows.size();
            assertThat(indicators.get('0') / n).isBetween(0.08, 0.12);
            assertThat(indicators.get('1') / n).isBetween(0.82, 0.88);
            assertThat(indicators.get('9') / n).isBetween(0.035, 0.065);
            assertThat(noDeletion / n).isBetween(0.80, 0.92);
            assertThat(deletedInThePast).isPositive();
            assertThat(rationales).hasSizeBetween(5, 15);
        }
    }

    @Test
    void mueFilesHaveTheOfficialLayout() throws IOException {
        Map<String, String> settings = Map.of(
                "PractitionerServices", "Practitioner Services MUE Values",
                "OutpatientHospitalServices", "Outpatient Hospital Services MUE Values",
                "DMESupplierServices", "DME Supplier Services MUE Values");
        for (Map.Entry<String, String> s : settings.entrySet()) {
            String text = Files.readString(quarter.resolve(QuarterGenerator.mueFileName(s.getKey())));
            assertThat(text).startsWith("\"SYNTHETIC NCCI MUE table");
            String[] records = text.split("\r\n");
            assertThat(records[0]).contains("not CMS data").contains("\n").endsWith("\",,,");
            assertThat(records[1]).isEqualTo("\"HCPCS/\nCPT Code\"," + s.getValue()
                    + ",MUE Adjudication Indicator,MUE Rationale");
            Set<String> mai = new HashSet<>();
            for (int r = 2; r < records.length; r++) {
                String[] cells = records[r].split(",");
                assertThat(cells).hasSize(4);
                assertThat(cells[0]).matches("[0-9A-Z]{5}");
                assertThat(cells[1]).matches("[1-9]\\d*");
                mai.add(cells[2]);
            }
            assertThat(mai).isSubsetOf("1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical");
        }
        assertThat(universe.mue().values().stream().map(Universe.Mue::mai).distinct()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void aocWorkbookHasTheOfficialLayout() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(quarter.resolve(QuarterGenerator.AOC_FILE)))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("SYNTHETIC").contains("not CMS data");
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("AOC_Edit_Type", "Add-On_Code", "AOC_DelDT", "Primary_Code",
                    "Primary_Code_DelDT", "AOC_Edit_EffDT", "AOC_Edit_DelDT", "Special_Instruction_Notes");
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + SMOKE.aocRows());
            Map<String, Integer> types = new HashMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                for (Cell c : row) {
                    assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                }
                String type = row.getCell(0).getStringCellValue();
                String primary = row.getCell(3).getStringCellValue();
                types.merge(type, 1, Integer::sum);
                if (primary.equals("CCCCC")) {
                    assertThat(type).isIn("2", "3");
                }
                if (type.equals("2")) {
                    assertThat(primary).isEqualTo("CCCCC");
                }
                assertThat(row.getCell(5).getStringCellValue()).matches("20\\d{5}");
                for (int c : new int[] {2, 4, 6}) {
                    if (row.getCell(c) != null) {
                        assertThat(row.getCell(c).getStringCellValue()).matches("20\\d{5}");
                    }
                }
            }
            assertThat(types.get("1")).isGreaterThan(SMOKE.aocRows() * 3 / 4);
            assertThat(types).containsKeys("2", "3");
        }
    }

    @Test
    void universeAgreesWithTheLoadedTables() {
        assertThat(universe.codes()).hasSize(QuarterGenerator.CODE_COUNT).doesNotHaveDuplicates().isSorted()
                .containsAll(QuarterGenerator.EM_CODES).allMatch(Codes::isProcedureCode);
        assertThat(universe.codes()).anyMatch(c -> c.endsWith("U")).anyMatch(c -> c.endsWith("T"))
                .anyMatch(c -> Character.isLetter(c.charAt(0)));

        assertThat(universe.ptpPairs()).hasSizeGreaterThan(15_000);
        Set<Character> indicators = new HashSet<>();
        for (Universe.PtpPair p : universe.ptpPairs()) {
            for (LocalDate d : List.of(JAN1, MAR31)) {
                PtpEdit e = tables.ptpPractitioner().find(p.column1(), p.column2(), d);
                assertThat(e).as(p + " on " + d).isNotNull();
                assertThat(e.modifierIndicator()).isEqualTo(p.indicator());
            }
            indicators.add(p.indicator());
        }
        assertThat(indicators).containsExactlyInAnyOrder('0', '1');

        assertThat(universe.mue()).hasSize(SMOKE.mueCodes());
        universe.mue().forEach((code, m) -> {
            MueLimit limit = tables.muePractitioner().find(code);
            assertThat(limit.value()).isEqualTo(m.value());
            assertThat(limit.mai()).isEqualTo(m.mai());
        });

        assertThat(universe.addOnPrimaries()).isNotEmpty();
        universe.addOnPrimaries().forEach((code, primaries) -> {
            for (LocalDate d : List.of(JAN1, MAR31)) {
                AddOnEdit e = tables.aoc().find(code, d, List.of(), null);
                assertThat(e.editType()).isEqualTo(1);
                assertThat(e.undefined()).isFalse();
                assertThat(e.listedPrimaries()).containsExactlyInAnyOrderElementsOf(primaries);
            }
        });
        assertThat(universe.type2AddOns()).isNotEmpty().allSatisfy(code ->
                assertThat(tables.aoc().find(code, JAN1, List.of(), null).editType()).isEqualTo(2));
        assertThat(universe.addOnCodes()).containsAll(universe.addOnPrimaries().keySet())
                .containsAll(universe.type2AddOns());

        Set<String> inPtp = new HashSet<>();
        Stream.concat(practitionerRows.stream(), hospitalRows.stream()).forEach(r -> {
            inPtp.add(r.column1());
            inPtp.add(r.column2());
        });
        assertThat(universe.cleanCodes()).hasSizeBetween(1_500, 2_500).isSubsetOf(universe.codes())
                .doesNotContainAnyElementsOf(QuarterGenerator.EM_CODES)
                .doesNotContainAnyElementsOf(universe.addOnCodes())
                .noneMatch(inPtp::contains)
                .allMatch(c -> tables.aoc().find(c, JAN1, List.of(), null) == null);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData(@TempDir Path again, @TempDir Path other) throws IOException {
        Universe u2 = QuarterGenerator.generate(again, 42, SMOKE);
        assertThat(u2).isEqualTo(universe);
        try (Stream<Path> files = Files.list(quarter)) {
            for (Path f : files.toList()) {
                assertThat(Files.mismatch(f, again.resolve(f.getFileName()))).as(f.getFileName().toString()).isEqualTo(-1);
            }
        }
        Universe u3 = QuarterGenerator.generate(other, 43, SMOKE);
        assertThat(u3.codes()).isNotEqualTo(universe.codes());
        for (String name : List.of(QuarterGenerator.ptpFileName(true, 1), QuarterGenerator.mueFileName("PractitionerServices"),
                QuarterGenerator.AOC_FILE)) {
            assertThat(Files.mismatch(quarter.resolve(name), other.resolve(name))).as(name).isNotEqualTo(-1);
        }
        assertThat(NcciLoader.load(other).problems()).isEmpty();
    }
}
