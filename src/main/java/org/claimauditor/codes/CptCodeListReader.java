package org.claimauditor.codes;

import org.claimauditor.io.CsvRecords;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a user-supplied CPT code list: CSV {@code code,effective,termination}, an optional header row, dates as
 * YYYY-MM-DD or YYYYMMDD. A blank termination means in force; a blank (or missing) effective date means in force
 * from the start. Further columns (say, a licensed descriptor) are ignored.
 */
public final class CptCodeListReader {

    /** Category I (5 digits), Category II (4 digits + F), Category III (+ T), PLA (+ U). */
    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTUAM]");

    private CptCodeListReader() { }

    public static int read(InputStream in, String file, Consumer<CptCode> sink, List<CodeFileProblem> problems)
            throws IOException {
        CsvRecords rows = new CsvRecords(new java.io.StringReader(CodeFileText.readAll(in)));
        boolean first = true;
        int count = 0;
        List<String> row;
        while ((row = rows.next()) != null) {
            if (CsvRecords.blank(row)) {
                continue;
            }
            String code = row.get(0).trim().toUpperCase(Locale.ROOT);
            if (first && !code.matches(".*\\d.*")) {
                first = false; // a header row: no digits in its first cell ("code", "CPT Code")
                continue;
            }
            first = false;
            if (!CPT.matcher(code).matches()) {
                problems.add(new CodeFileProblem(file, rows.line(), "'" + code + "' is not a CPT code "
                        + "(5 digits, or 4 digits + F/T/U)"));
                continue;
            }
            try {
                LocalDate effective = row.size() > 1 ? CodeFileText.isoOrBasicDate(row.get(1)) : null;
                LocalDate termination = row.size() > 2 ? CodeFileText.isoOrBasicDate(row.get(2)) : null;
                if (effective != null && termination != null && termination.isBefore(effective)) {
                    problems.add(new CodeFileProblem(file, rows.line(),
                            code + ": termination " + termination + " is before effective " + effective));
                    continue;
                }
                sink.accept(new CptCode(code, effective, termination, file, rows.line()));
                count++;
            } catch (DateTimeException e) {
                problems.add(new CodeFileProblem(file, rows.line(), code + ": " + e.getMessage()));
            }
        }
        return count;
    }
}
