package org.claimauditor.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 reader: comma-separated cells, double-quoted cells that may hold commas, line breaks and
 * doubled quotes, records ended by CRLF, LF or CR. CMS MUE files quote their multi-line notice and header cells,
 * so a record can span several physical lines; {@link #line()} says where the current record starts. Shared by the
 * MUE, HCPCS and CPT-list readers.
 */
public final class CsvRecords {

    private final Reader in;
    private final char[] buf = new char[1 << 14];
    private int pos;
    private int limit;
    private int physicalLine = 1;
    private int recordLine;
    private boolean unclosedQuote;
    private boolean started;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** 1-based physical line where the record last returned by {@link #next()} starts. */
    public int line() {
        return recordLine;
    }

    /** Whether the last record hit end of input inside a quoted cell (a damaged file). */
    public boolean unclosedQuote() {
        return unclosedQuote;
    }

    /** The next record's cells, or null at end of input. */
    public List<String> next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read(); // byte order mark written by Excel's "CSV UTF-8"
            }
        }
        int c = read();
        if (c < 0) {
            return null;
        }
        recordLine = physicalLine;
        unclosedQuote = false;
        List<String> cells = new ArrayList<>(4);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    unclosedQuote = true;
                    cells.add(cell.toString());
                    return cells;
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        cell.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    lineBreak(c);
                    cell.append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c >= 0) {
                    physicalLine++;
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                }
                cells.add(cell.toString());
                return cells;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else {
                cell.append((char) c); // a stray quote mid-cell is kept as text, as spreadsheets do
            }
            c = read();
        }
    }

    /** Counts a line break inside a quoted cell; a CR directly followed by LF is counted once, at the LF. */
    private void lineBreak(int c) throws IOException {
        if (c == '\n' || (c == '\r' && peek() != '\n')) {
            physicalLine++;
        }
    }

    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            pos++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (pos == limit) {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return -1;
            }
            pos = 0;
            limit = n;
        }
        return buf[pos];
    }

    /** A record of blank cells only: a blank line. */
    public static boolean blank(List<String> record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
