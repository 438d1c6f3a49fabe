package org.claimauditor.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 splitter over text already in memory: commas, double-quoted cells that may hold commas,
 * doubled quotes and line breaks; rows ended by CRLF, LF or CR. {@link #line()} is where the last row started.
 */
final class CsvRows {

    private final String text;
    private int pos;
    private int physicalLine = 1;
    private int rowLine;

    CsvRows(String text) {
        this.text = text;
    }

    int line() {
        return rowLine;
    }

    /** The next row's cells, or null at the end. */
    List<String> next() {
        if (pos >= text.length()) {
            return null;
        }
        rowLine = physicalLine;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (quoted) {
                if (c == '"' && pos < text.length() && text.charAt(pos) == '"') {
                    cell.append('"');
                    pos++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
                        physicalLine++;
                    }
                    cell.append(c);
                }
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                physicalLine++;
                break;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A row of one empty cell: a blank line. */
    static boolean blank(List<String> row) {
        return row.stream().allMatch(s -> s.isBlank());
    }
}
