package org.claimauditor.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF after every record, a field quoted (quotes doubled) when it holds a comma, quote, CR or
 * LF. UTF-8 with a byte-order mark, because Excel reads a CSV without one in the local ANSI code page and
 * garbles any non-ASCII text; LibreOffice, Google Sheets and most CSV libraries accept the mark.
 * <p>
 * Text that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) is prefixed with
 * {@code '}: claim ids and messages come from submitted claims and must not execute when a billing team
 * opens the file (OWASP "CSV injection"). Numbers and dates are written as they are.
 */
final class CsvWriter {

    static final char BOM = '\uFEFF';

    private final Writer out;

    CsvWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        out.write(BOM);
    }

    /** One record; {@code null} is an empty field, {@link CharSequence}s are text, anything else is a value. */
    void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeCell(cells.get(i));
        }
        out.write("\r\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    private void writeCell(Object cell) throws IOException {
        if (cell == null) {
            return;
        }
        if (cell instanceof CharSequence text) {
            writeField(neutralize(text.toString()));
        } else if (cell instanceof BigDecimal amount) {
            out.write(amount.toPlainString());
        } else {
            writeField(cell.toString());
        }
    }

    private void writeField(String s) throws IOException {
        if (!needsQuotes(s)) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    static String neutralize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
