package org.claimauditor.ncci;

import org.claimauditor.engine.Limits;
import org.claimauditor.io.ReferenceDataException;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.openxml4j.util.ZipSecureFile;
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

    /** {@link #read(InputStream, String, Consumer, List, Limits)} within {@link Limits#DEFAULTS}. */
    public static int read(InputStream in, String fileName, Consumer<AocRow> rows, List<ReadProblem> problems) {
        return read(in, fileName, rows, problems, Limits.DEFAULTS);
    }

    /**
     * Streams the good rows to {@code rows}, records bad ones in {@code problems}; returns the good count (0 for a
     * header without rows: the caller decides).
     *
     * @param limits the zip-bomb guards POI applies while it unpacks the workbook (an .xlsx is a zip)
     * @throws NcciLoadException naming the file (and row) when it is not a readable .xlsx workbook, trips a zip-bomb
     *                           guard, or its first sheet has no header row with the required columns
     */
    public static int read(InputStream in, String fileName, Consumer<AocRow> rows, List<ReadProblem> problems,
                           Limits limits) {
        XSSFWorkbook book = open(in, fileName, limits);
        try (book) {
            if (book.getNumberOfSheets() == 0) {
                throw NcciLoadException.inFile(fileName, 0, "the workbook has no sheet");
            }
            return read(book.getSheetAt(0), fileName, rows, problems);
        } catch (IOException e) {
            throw NcciLoadException.inFile(fileName, 0, "cannot close the workbook: " + ReferenceDataException.reason(e));
        }
    }

    /**
     * POI's ZipSecureFile guards are process-wide settings, so they are set from the limits under this class's lock
     * for each workbook; the workbook is unpacked into memory inside the constructor, so the lock covers it.
     */
    private static synchronized XSSFWorkbook open(InputStream in, String fileName, Limits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxZipRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxUnzippedBytes());
        ZipSecureFile.setMaxFileCount(limits.maxZipEntries());
        try {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw NcciLoadException.inFile(fileName, 0, whyNotAWorkbook(e, limits));
        }
    }

    /** POI says "Zip bomb detected!" or "No valid entries or contents found" over several lines: one line here. */
    private static String whyNotAWorkbook(Throwable e, Limits limits) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.startsWith("damaged zip entry") || m.contains("(maxZipRatio)") || m.contains("(maxUnzippedBytes)")) {
                return ReferenceDataException.reason(t); // the zip holding the workbook said so (ZipEntries)
            }
            if (m.contains("Zip bomb detected") && m.contains("max size")) {
                return "a part of the workbook expands to more than " + limits.maxUnzippedBytes()
                        + " bytes (maxUnzippedBytes)";
            }
            if (m.contains("Zip bomb detected")) {
                return "a part of the workbook expands to more than " + limits.maxZipRatio()
                        + " times its compressed size (maxZipRatio): a zip bomb, not an add-on code table";
            }
            if (m.contains("more internal file entries than expected")) {
                return "the workbook holds more than " + limits.maxZipEntries() + " parts (maxZipEntries)";
            }
        }
        return "not a readable .xlsx workbook (" + ReferenceDataException.reason(e) + ")";
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
                            throw NcciLoadException.inFile(file, excelRow, "header row lacks column " + required);
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
            throw NcciLoadException.inFile(file, 0, "no header row with " + EDIT_TYPE + " and " + ADD_ON
                    + " on the first sheet: not a CMS add-on code table");
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
