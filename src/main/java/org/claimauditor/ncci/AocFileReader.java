package org.claimauditor.ncci;

import org.claimauditor.engine.Limits;
import org.claimauditor.io.ReferenceDataException;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

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
        OPCPackage book = open(in, fileName, limits);
        try (book) {
            // the event API: the first sheet's XML is read as a stream of cells (no object per cell, as the
            // workbook model builds), several times faster on CMS's 9,000-row table
            XSSFReader reader = new XSSFReader(book);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw NcciLoadException.inFile(fileName, 0, "the workbook has no sheet");
            }
            SheetRows sheet = new SheetRows(fileName, rows, problems);
            XMLReader xml = XMLHelper.newXMLReader();
            // Dates may be stored as text or as numbers; DataFormatter renders both as the digits Excel shows.
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new SharedOnce(new ReadOnlySharedStringsTable(book, false)), sheet, new DataFormatter(Locale.ROOT), false));
            try (InputStream first = sheets.next()) {
                xml.parse(new InputSource(first));
            }
            return sheet.finish();
        } catch (NcciLoadException e) {
            throw e;
        } catch (Exception e) {
            throw NcciLoadException.inFile(fileName, 0, whyNotAWorkbook(e, limits));
        }
    }

    /**
     * POI's ZipSecureFile guards are process-wide settings, so they are set from the limits under this class's lock
     * for each workbook; the package is unpacked into memory while it is opened, so the lock covers it.
     */
    private static synchronized OPCPackage open(InputStream in, String fileName, Limits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxZipRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxUnzippedBytes());
        ZipSecureFile.setMaxFileCount(limits.maxZipEntries());
        try {
            return OPCPackage.open(in);
        } catch (Exception e) {
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

    /**
     * Each shared string wrapped once: POI builds a rich-text object per look-up, and the table's codes repeat on
     * thousands of rows.
     */
    private static final class SharedOnce implements SharedStrings {
        private final SharedStrings strings;
        private final RichTextString[] made;

        SharedOnce(SharedStrings strings) {
            this.strings = strings;
            this.made = new RichTextString[Math.max(0, strings.getUniqueCount())];
        }

        @Override
        public RichTextString getItemAt(int idx) {
            if (idx < 0 || idx >= made.length) {
                return strings.getItemAt(idx);
            }
            RichTextString r = made[idx];
            if (r == null) {
                r = strings.getItemAt(idx);
                made[idx] = r;
            }
            return r;
        }

        @Override
        public int getCount() {
            return strings.getCount();
        }

        @Override
        public int getUniqueCount() {
            return strings.getUniqueCount();
        }
    }

    /** The sheet's rows as they stream by: the header row found by name, then one edit (or problem) per row. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String file;
        private final Consumer<AocRow> rows;
        private final List<ReadProblem> problems;
        private final Map<Integer, String> cells = new HashMap<>();
        private Map<String, Integer> columns;
        private int good;

        SheetRows(String file, Consumer<AocRow> rows, List<ReadProblem> problems) {
            this.file = file;
            this.rows = rows;
            this.problems = problems;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String ref, String formattedValue, XSSFComment comment) {
            if (ref != null && formattedValue != null) {
                cells.put((int) new CellReference(ref).getCol(), formattedValue);
            }
        }

        @Override
        public void endRow(int rowNum) {
            int excelRow = rowNum + 1;
            if (columns == null) {
                Map<String, Integer> names = new HashMap<>();
                new java.util.TreeMap<>(cells).forEach((col, text) -> names.putIfAbsent(key(text), col));
                if (names.containsKey(key(EDIT_TYPE)) && names.containsKey(key(ADD_ON))) {
                    columns = names;
                    for (String required : REQUIRED) {
                        if (!columns.containsKey(key(required))) {
                            throw NcciLoadException.inFile(file, excelRow, "header row lacks column " + required);
                        }
                    }
                }
                return;
            }
            Cells row = new Cells(cells, columns); // used before the next row clears them
            if (row.allBlank()) {
                return;
            }
            try {
                rows.accept(row.toRow(file, excelRow));
                good++;
            } catch (IllegalArgumentException e) {
                problems.add(new ReadProblem(file, excelRow, e.getMessage()));
            }
        }

        int finish() {
            if (columns == null) {
                throw NcciLoadException.inFile(file, 0, "no header row with " + EDIT_TYPE + " and " + ADD_ON
                        + " on the first sheet: not a CMS add-on code table");
            }
            return good;
        }
    }

    private static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    /** One data row's cells (formatted as Excel shows them, by column) looked up by header name. */
    private record Cells(Map<Integer, String> row, Map<String, Integer> columns) {

        String get(String header) {
            Integer col = columns.get(key(header));
            return col == null ? "" : row.getOrDefault(col, "").strip();
        }

        boolean allBlank() {
            return columns.values().stream().allMatch(col -> row.getOrDefault(col, "").isBlank());
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
