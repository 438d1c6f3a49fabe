package org.claimauditor.codes;

import org.claimauditor.io.CsvRecords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a CMS HCPCS Level II alpha-numeric file in either published layout:
 * <ul>
 *   <li>fixed width ({@code HCPC<year>_CONTR_ANWEB.txt}, {@code HCPC<year>_<MON>_ANWEB*.txt}), 320 bytes a line,
 *       after a few lines of disclaimer: code 1-5, sequence 6-10, record id 11, long description 12-91, short
 *       description 92-119, ..., add date 269-276, action effective date 277-284, termination date 285-292,
 *       action code 293 (positions checked against the workbook CMS ships alongside, 6,800 codes, no difference);</li>
 *   <li>CSV ({@code HCPC<year>_<MON>_ANWEB*.csv}), 48 columns found by their header names
 *       ({@code HCPC, SEQNUM, RECID, LONG DESCRIPTION, ..., ADD DT, ACT EFF DT, TERM DT, ACTION CD}).</li>
 * </ul>
 * Record id 3 / 7 is the first line of a procedure code / modifier and carries the dates; 4 / 8 continue its long
 * description (80 characters a line), merged here with single spaces as CMS's own workbook does.
 */
public final class HcpcsFileReader {

    private static final Pattern PROCEDURE = Pattern.compile("[A-Z][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");

    private HcpcsFileReader() { }

    /** Reads {@code file} as CSV when its name ends in {@code .csv}, else as the fixed-width text file. */
    public static int read(InputStream in, String file, Consumer<HcpcsRecord> sink, List<CodeFileProblem> problems)
            throws IOException {
        return file.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? readCsv(in, file, sink, problems)
                : readFixedWidth(in, file, sink, problems);
    }

    /** The fixed-width layout; returns the number of codes and modifiers emitted. */
    public static int readFixedWidth(InputStream in, String file, Consumer<HcpcsRecord> sink,
                                     List<CodeFileProblem> problems) throws IOException {
        // ISO-8859-1 keeps char index == byte index, which is what the layout's positions count.
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        Assembler out = new Assembler(file, sink, problems);
        boolean inRecords = false;
        int lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String code = CodeFileText.field(line, 1, 5);
            char recordId = line.length() > 10 ? line.charAt(10) : ' ';
            if (!isCode(code) || "3478".indexOf(recordId) < 0 || !line.substring(5, 10).matches("\\d{5}")) {
                if (inRecords) { // the disclaimer lines before the first record are expected
                    problems.add(new CodeFileProblem(file, lineNo, "not a HCPCS record (code 1-5, sequence 6-10, "
                            + "record id 3/4/7/8 in 11): '" + abbreviate(line) + "'"));
                }
                continue;
            }
            inRecords = true;
            String description = CodeFileText.field(line, 12, 91);
            if (recordId == '4' || recordId == '8') {
                out.continuation(code, description, lineNo);
                continue;
            }
            if (line.length() < 276) {
                problems.add(new CodeFileProblem(file, lineNo, "line ends at column " + line.length()
                        + ", before the add date (269-276); dates taken as blank"));
            }
            out.first(code, recordId == '7', CodeFileText.field(line, 92, 119), description,
                    CodeFileText.field(line, 269, 276), CodeFileText.field(line, 277, 284),
                    CodeFileText.field(line, 285, 292), CodeFileText.field(line, 293, 293), lineNo);
        }
        if (!inRecords) {
            problems.add(new CodeFileProblem(file, 0, "no HCPCS records found (fixed-width layout expected)"));
        }
        return out.finish();
    }

    /** The CSV layout; returns the number of codes and modifiers emitted. */
    public static int readCsv(InputStream in, String file, Consumer<HcpcsRecord> sink,
                              List<CodeFileProblem> problems) throws IOException {
        CsvRecords rows = new CsvRecords(new java.io.StringReader(CodeFileText.readAll(in)));
        Map<String, Integer> col = header(rows);
        if (col == null) {
            problems.add(new CodeFileProblem(file, 0, "no header row starting with HCPC"));
            return 0;
        }
        List<String> missing = List.of("HCPC", "RECID", "LONGDESCRIPTION", "SHORTDESCRIPTION", "ADDDT", "ACTEFFDT",
                "TERMDT", "ACTIONCD").stream().filter(k -> !col.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            problems.add(new CodeFileProblem(file, rows.line(), "header lacks columns " + missing));
            return 0;
        }
        Assembler out = new Assembler(file, sink, problems);
        List<String> row;
        while ((row = rows.next()) != null) {
            if (CsvRecords.blank(row)) {
                continue;
            }
            String code = cell(row, col, "HCPC").toUpperCase(Locale.ROOT);
            String recordId = cell(row, col, "RECID");
            if (!isCode(code) || !recordId.matches("[3478]")) {
                problems.add(new CodeFileProblem(file, rows.line(),
                        "not a HCPCS record: code '" + code + "', record id '" + recordId + "'"));
                continue;
            }
            String description = cell(row, col, "LONGDESCRIPTION");
            if (recordId.equals("4") || recordId.equals("8")) {
                out.continuation(code, description, rows.line());
            } else {
                out.first(code, recordId.equals("7"), cell(row, col, "SHORTDESCRIPTION"), description,
                        cell(row, col, "ADDDT"), cell(row, col, "ACTEFFDT"), cell(row, col, "TERMDT"),
                        cell(row, col, "ACTIONCD"), rows.line());
            }
        }
        return out.finish();
    }

    /** Column indexes by {@link #key} of the first row starting with HCPC; CMS may put a disclaimer above it. */
    private static Map<String, Integer> header(CsvRecords rows) throws IOException {
        List<String> row;
        while ((row = rows.next()) != null) {
            if (key(row.get(0)).equals("HCPC")) {
                Map<String, Integer> col = new HashMap<>();
                for (int i = 0; i < row.size(); i++) {
                    col.putIfAbsent(key(row.get(i)), i);
                }
                return col;
            }
        }
        return null;
    }

    private static boolean isCode(String code) {
        return PROCEDURE.matcher(code).matches() || MODIFIER.matcher(code).matches();
    }

    /** "ADD DT" → "ADDDT", "add_dt" → "ADDDT": header spellings vary between releases and copies. */
    private static String key(String header) {
        return header.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static String cell(List<String> row, Map<String, Integer> col, String key) {
        int i = col.get(key);
        return i < row.size() ? row.get(i).trim() : "";
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    /** Collects a first line and its continuation lines into one record. */
    private static final class Assembler {
        private final String file;
        private final Consumer<HcpcsRecord> sink;
        private final List<CodeFileProblem> problems;
        private HcpcsRecord pending;
        private final StringBuilder description = new StringBuilder();
        private int count;

        Assembler(String file, Consumer<HcpcsRecord> sink, List<CodeFileProblem> problems) {
            this.file = file;
            this.sink = sink;
            this.problems = problems;
        }

        void first(String code, boolean modifierRecord, String shortDescription, String longDescription,
                   String add, String effective, String termination, String action, int line) {
            flush();
            boolean modifier = modifierRecord || code.length() == 2;
            pending = new HcpcsRecord(code, modifier, shortDescription, null, date(add, "add", line),
                    date(effective, "action effective", line), date(termination, "termination", line),
                    action.isEmpty() ? null : action, file, line);
            description.append(longDescription);
        }

        void continuation(String code, String text, int line) {
            if (pending == null || !pending.code().equals(code)) {
                problems.add(new CodeFileProblem(file, line,
                        "continuation line of " + code + " without its first line (record id 3 or 7); skipped"));
                return;
            }
            if (!text.isEmpty()) {
                description.append(description.length() == 0 ? "" : " ").append(text);
            }
        }

        int finish() {
            flush();
            return count;
        }

        private void flush() {
            if (pending != null) {
                HcpcsRecord p = pending;
                sink.accept(new HcpcsRecord(p.code(), p.modifier(), p.shortDescription(), description.toString(),
                        p.addDate(), p.actionEffectiveDate(), p.terminationDate(), p.actionCode(), file, p.line()));
                count++;
            }
            pending = null;
            description.setLength(0);
        }

        private LocalDate date(String value, String what, int line) {
            try {
                return CodeFileText.basicDate(value);
            } catch (DateTimeException e) {
                problems.add(new CodeFileProblem(file, line, what + " date " + e.getMessage() + "; taken as blank"));
                return null;
            }
        }
    }
}
