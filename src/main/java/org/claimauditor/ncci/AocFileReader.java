package org.claimauditor.ncci;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the NCCI add-on code workbook ({@code AOC_V<yyyy>Q<q>-MCR.xlsx}): first sheet, an AMA notice row, a
 * header row, then one edit per row with Julian {@code YYYYDDD} dates. Columns are found by header name so a
 * reordered or widened sheet still reads.
 */
public final class AocFileReader {

    static final String EDIT_TYPE = "AOC_Edit_Type";
    static final String ADD_ON = "Add-On_Code";
    static final String ADD_ON_DEL = "AOC_DelDT";
    static final String PRIMARY = "Primary_Code";
    static final String PRIMARY_DEL = "Primary_Code_DelDT";
    static final String EFFECTIVE = "AOC_Edit_EffDT";
    static final String DELETION = "AOC_Edit_DelDT";
    static final String NOTES = "Special_Instruction_Notes";
    private static final List<String> REQUIRED = List.of(EDIT_TYPE, ADD_ON, PRIMARY, EFFECTIVE);

    private AocFileReader() { }

    /** Streams the good rows to {@code rows}, records bad ones in {@code problems}; returns the good count. */
    public static int read(InputStream in, String fileName, Consumer<AocRow> rows, List<ReadProblem> problems)
            throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(in)) {
            return read(book.getSheetAt(0), fileName, rows, problems);
        }
    }

    private static int read(Sheet sheet, String file, Consumer<AocRow> rows, List<ReadProblem> problems) {
        // Dates may be stored as text or as numbers; DataFormatter renders both as the digits Excel shows.
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        Map<String, Integer> columns = null;
        int good = 0;
        for (Row row : sheet) {
            int excelRow = row.getRowNum() + 1;
            if (columns == null) {
                Map<String, Integer> names = headerNames(row, fmt);
                if (names.containsKey(key(EDIT_TYPE)) && names.containsKey(key(ADD_ON))) {
                    columns = names;
                    for (String required : REQUIRED) {
                        if (!columns.containsKey(key(required))) {
                            problems.add(new ReadProblem(file, excelRow, "header lacks column " + required));
                            return 0;
                        }
                    }
                }
                continue;
            }
            Cells cells = new Cells(row, columns, fmt);
            if (cells.allBlank()) {
                continue;
            }
            try {
                rows.accept(cells.toRow(file, excelRow));
                good++;
            } catch (IllegalArgumentException e) {
                problems.add(new ReadProblem(file, excelRow, e.getMessage()));
            }
        }
        if (columns == null) {
            problems.add(new ReadProblem(file, 1, "no header row with " + EDIT_TYPE + " and " + ADD_ON));
        }
        return good;
    }

    private static Map<String, Integer> headerNames(Row row, DataFormatter fmt) {
        Map<String, Integer> names = new HashMap<>();
        row.forEach(c -> names.putIfAbsent(key(fmt.formatCellValue(c)), c.getColumnIndex()));
        return names;
    }

    private static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    /** One data row's cells looked up by header name. */
    private record Cells(Row row, Map<String, Integer> columns, DataFormatter fmt) {

        String get(String header) {
            Integer col = columns.get(key(header));
            return col == null ? "" : fmt.formatCellValue(row.getCell(col)).strip();
        }

        boolean allBlank() {
            return columns.values().stream().allMatch(col -> fmt.formatCellValue(row.getCell(col)).isBlank());
        }

        /** @throws IllegalArgumentException saying what is wrong with the row */
        AocRow toRow(String file, int excelRow) {
            String type = get(EDIT_TYPE);
            if (!type.matches("[123]")) {
                throw new IllegalArgumentException(EDIT_TYPE + " must be 1, 2 or 3: '" + type + "'");
            }
            LocalDate effective = julian(EFFECTIVE);
            if (effective == null) {
                throw new IllegalArgumentException(EFFECTIVE + " is missing");
            }
            return new AocRow(type.charAt(0) - '0', code(ADD_ON), julian(ADD_ON_DEL), code(PRIMARY),
                    julian(PRIMARY_DEL), effective, julian(DELETION), get(NOTES), file, excelRow);
        }

        private String code(String header) {
            String code = get(header);
            if (!code.matches("[0-9A-Z]{5}")) {
                throw new IllegalArgumentException(header + " must be a 5-character code: '" + code + "'");
            }
            return code;
        }

        /** {@code YYYYDDD}; blank or {@code *} means no date. */
        private LocalDate julian(String header) {
            String s = get(header);
            if (s.isEmpty() || s.equals("*")) {
                return null;
            }
            if (s.matches("\\d{7}")) {
                try {
                    return LocalDate.ofYearDay(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4)));
                } catch (DateTimeException e) {
                    // fall through: day 000, 366 in a common year, …
                }
            }
            throw new IllegalArgumentException(header + " is not a Julian date YYYYDDD: '" + s + "'");
        }
    }
}
