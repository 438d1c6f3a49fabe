package org.claimauditor.ncci;

import org.claimauditor.io.CsvRecords;
import org.claimauditor.io.ReferenceDataException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads an NCCI MUE table CSV (practitioner, outpatient hospital or DME supplier): a quoted multi-line AMA
 * notice, a header whose first cell is {@code "HCPCS/\nCPT Code"}, then rows
 * {@code code, MUE value, MAI text ("2 Date of Service Edit: Policy"), rationale}.
 */
public final class MueFileReader {

    private MueFileReader() { }

    /**
     * Streams the good rows to {@code rows}, records bad ones in {@code problems}; returns the good count (0 for a
     * header without rows: the caller decides).
     *
     * @throws NcciLoadException naming the file (and line) when it is empty, has no {@code HCPCS/CPT Code} header
     *                           record, or cannot be read to the end
     */
    public static int read(InputStream in, String fileName, Consumer<MueRow> rows, List<ReadProblem> problems) {
        CsvRecords csv = new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            return read(csv, fileName, rows, problems);
        } catch (IOException e) {
            throw NcciLoadException.inFile(fileName, csv.line(), "cannot read past the record starting here: "
                    + ReferenceDataException.reason(e));
        }
    }

    private static int read(CsvRecords csv, String fileName, Consumer<MueRow> rows, List<ReadProblem> problems)
            throws IOException {
        boolean header = false;
        boolean empty = true;
        int firstRow = 0;
        int good = 0;
        for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
            empty &= isBlank(cells);
            if (!header && firstRow == 0 && check(cells) == null) {
                firstRow = csv.line();
            }
            if (!header) {
                header = isHeader(cells.get(0));
                continue;
            }
            if (isBlank(cells)) {
                continue; // Excel leaves ",,," records at the end
            }
            String why = csv.unclosedQuote() ? "quoted cell is never closed" : check(cells);
            if (why != null) {
                problems.add(new ReadProblem(fileName, csv.line(), why));
                continue;
            }
            String mai = cells.get(2).trim();
            rows.accept(new MueRow(cells.get(0).trim(), Integer.parseInt(cells.get(1).trim()), mai.charAt(0) - '0',
                    mai, cells.size() > 3 ? cells.get(3).trim() : "", fileName, csv.line()));
            good++;
        }
        if (empty) {
            throw NcciLoadException.inFile(fileName, 0, "the file is empty");
        }
        if (!header) {
            throw NcciLoadException.inFile(fileName, Math.max(firstRow, 1), firstRow > 0
                    ? "MUE row before the 'HCPCS/CPT Code' header record: the header is missing, or the file's "
                    + "beginning is cut off"
                    : "no 'HCPCS/CPT Code' header record and no MUE rows: not a CMS MUE table");
        }
        return good;
    }

    /** The header cell wraps as "HCPCS/\nCPT Code"; compare with whitespace collapsed, either spacing. */
    static boolean isHeader(String firstCell) {
        String s = firstCell.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return s.equals("hcpcs/ cpt code") || s.equals("hcpcs/cpt code");
    }

    /** Why the row is unusable, or null when it is fine. */
    private static String check(List<String> cells) {
        if (cells.size() < 3) {
            return "expected code, MUE value, MAI and rationale; found " + cells.size() + " cell(s)";
        }
        String code = cells.get(0).trim();
        if (!code.matches("[0-9A-Z]{5}")) {
            return "bad HCPCS/CPT code '" + code + "'";
        }
        String value = cells.get(1).trim();
        if (!value.matches("\\d{1,9}")) {
            return "MUE value must be a whole number: '" + value + "'";
        }
        String mai = cells.get(2).trim();
        // "2 Date of Service Edit: Policy" – the digit leads; "12 …" or "4 …" is not an indicator.
        if (mai.isEmpty() || mai.charAt(0) < '1' || mai.charAt(0) > '3'
                || (mai.length() > 1 && Character.isDigit(mai.charAt(1)))) {
            return "MUE adjudication indicator must start with 1, 2 or 3: '" + mai + "'";
        }
        return null;
    }

    private static boolean isBlank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
