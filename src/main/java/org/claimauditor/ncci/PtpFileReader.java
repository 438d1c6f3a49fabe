package org.claimauditor.ncci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an NCCI PTP file ({@code ccipra-…} / {@code ccioph-…}): a notice and a column header wrapped over
 * several lines, then tab-separated rows {@code col1, col2, *before1996, effective, deletion|*, indicator,
 * rationale}.
 *
 * <p>A quarter is ~2 million rows, so this works on raw bytes (the rows are ASCII) with hand-rolled line
 * and cell splitting, and shares the few dozen distinct rationale, code and date values between rows.
 */
public final class PtpFileReader {

    private static final int MIN_CELLS = 6;
    private static final int MAX_CELLS = 7;

    private PtpFileReader() { }

    /**
     * Streams good rows to {@code rows} and each unreadable line after the first data row to {@code problems};
     * returns the good count (0 for a header without rows: the caller decides).
     *
     * @throws NcciLoadException naming the file and line when it is empty, has a row before the
     *                           {@code Column 1 / Column 2} header line (not a PTP file, or its start is cut off),
     *                           or cannot be read to the end (a damaged zip entry, say)
     */
    public static int read(InputStream in, String fileName, Consumer<PtpRow> rows, List<ReadProblem> problems) {
        ByteLines lines = new ByteLines(in);
        try {
            return new Parse(fileName, rows, problems).run(lines);
        } catch (IOException e) {
            throw NcciLoadException.inFile(fileName, lines.number + 1L, "cannot read on from here: "
                    + org.claimauditor.io.ReferenceDataException.reason(e));
        }
    }

    private static final class Parse {
        private final String file;
        private final Consumer<PtpRow> rows;
        private final List<ReadProblem> problems;
        private final Map<String, String> codes = new HashMap<>();
        private final Map<String, String> rationales = new HashMap<>();
        private final Map<Integer, LocalDate> dates = new HashMap<>();
        private final int[] starts = new int[MAX_CELLS + 1];
        private final int[] ends = new int[MAX_CELLS + 1];
        private byte[] b;
        private String error;

        Parse(String file, Consumer<PtpRow> rows, List<ReadProblem> problems) {
            this.file = file;
            this.rows = rows;
            this.problems = problems;
        }

        int run(ByteLines lines) throws IOException {
            boolean header = false;
            boolean started = false;
            boolean blank = true;
            int good = 0;
            while (lines.next()) {
                b = lines.buf;
                int cells = split(lines.start, lines.end);
                blank &= cells == 1 && ends[0] == starts[0];
                if (!started) {
                    // Notice and wrapped header lines come before the first line shaped like data.
                    if (cells < 4 || !isCode(0) || !isDigits(3, 8)) {
                        header |= isHeader();
                        continue;
                    }
                    if (!header) {
                        throw NcciLoadException.inFile(file, lines.number, "PTP row before the header line "
                                + "('Column 1<TAB>Column 2<TAB>…'): not a CMS PTP file, or its beginning is cut off");
                    }
                    started = true;
                }
                if (cells == 1 && ends[0] == starts[0]) {
                    continue; // blank line (e.g. a trailing empty line)
                }
                PtpRow row = parse(cells, lines.number, !lines.terminated);
                if (row == null) {
                    problems.add(new ReadProblem(file, lines.number, error));
                    continue;
                }
                rows.accept(row);
                good++;
            }
            if (blank) {
                throw NcciLoadException.inFile(file, 0, "the file is empty");
            }
            if (!header) {
                throw NcciLoadException.inFile(file, 0, "no PTP header line ('Column 1<TAB>Column 2<TAB>…') and no "
                        + "rows: not a CMS PTP file");
            }
            return good;
        }

        /** The header's first cell is "Column 1" (the title line above it reads "Column1/Column2 Edits"). */
        private boolean isHeader() {
            String first = text(0).replace(" ", "");
            return first.equalsIgnoreCase("column1");
        }

        /** Splits the line into at most MAX_CELLS + 1 cells; returns how many were found (capped). */
        private int split(int from, int to) {
            int n = 0;
            int s = from;
            for (int i = from; i < to && n < MAX_CELLS; i++) {
                if (b[i] == '\t') {
                    starts[n] = s;
                    ends[n++] = i;
                    s = i + 1;
                }
            }
            starts[n] = s;
            ends[n++] = to;
            return n;
        }

        private PtpRow parse(int cells, int line, boolean unterminated) {
            if (cells < MIN_CELLS) {
                return fail("expected at least " + MIN_CELLS + " tab-separated cells, found " + cells);
            }
            if (!isCode(0) || !isCode(1)) {
                return fail("column 1 and column 2 must be 5-character codes: '" + text(0) + "', '" + text(1) + "'");
            }
            boolean before1996 = len(2) == 1 && b[starts[2]] == '*';
            if (!before1996 && len(2) != 0) {
                return fail("column 3 must be '*' or empty: '" + text(2) + "'");
            }
            LocalDate effective = date(3);
            if (effective == null) {
                return fail("bad effective date '" + text(3) + "' (want YYYYMMDD)");
            }
            LocalDate deletion = null;
            if (!(len(4) == 1 && b[starts[4]] == '*')) {
                deletion = date(4);
                if (deletion == null) {
                    return fail("bad deletion date '" + text(4) + "' (want YYYYMMDD or *)");
                }
            }
            char indicator = len(5) == 1 ? (char) b[starts[5]] : '?';
            if (indicator != '0' && indicator != '1' && indicator != '9') {
                return fail("modifier indicator must be 0, 1 or 9: '" + text(5) + "'");
            }
            if (cells > MAX_CELLS && !blank(MAX_CELLS)) {
                return fail("more than " + MAX_CELLS + " cells");
            }
            String rationale = cells > 6 ? text(6).trim() : "";
            if (unterminated && !rationales.containsKey(rationale)) {
                // A copy cut off mid-row ends in a line without a line break whose rationale is a fragment;
                // an intact last row repeats one of the few rationales already seen.
                return fail("last line has no line break and an unknown rationale '" + rationale
                        + "': file looks truncated");
            }
            return new PtpRow(shared(codes, text(0)), shared(codes, text(1)), before1996, effective, deletion,
                    indicator, shared(rationales, rationale), file, line);
        }

        private PtpRow fail(String why) {
            error = why;
            return null;
        }

        private int len(int cell) {
            return ends[cell] - starts[cell];
        }

        private String text(int cell) {
            return new String(b, starts[cell], len(cell), StandardCharsets.ISO_8859_1);
        }

        private static String shared(Map<String, String> pool, String s) {
            String known = pool.putIfAbsent(s, s);
            return known == null ? s : known;
        }

        /** Trailing tabs or spaces only, as some exports pad rows. */
        private boolean blank(int cell) {
            for (int i = starts[cell]; i < ends[cell]; i++) {
                if (b[i] != '\t' && b[i] != ' ') {
                    return false;
                }
            }
            return true;
        }

        private boolean isCode(int cell) {
            if (len(cell) != 5) {
                return false;
            }
            for (int i = starts[cell]; i < ends[cell]; i++) {
                byte c = b[i];
                if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                    return false;
                }
            }
            return true;
        }

        private boolean isDigits(int cell, int length) {
            if (len(cell) != length) {
                return false;
            }
            for (int i = starts[cell]; i < ends[cell]; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return false;
                }
            }
            return true;
        }

        /** YYYYMMDD, or null when malformed or not a calendar date. */
        private LocalDate date(int cell) {
            if (!isDigits(cell, 8)) {
                return null;
            }
            int v = 0;
            for (int i = starts[cell]; i < ends[cell]; i++) {
                v = v * 10 + (b[i] - '0');
            }
            LocalDate known = dates.get(v);
            if (known != null) {
                return known;
            }
            try {
                LocalDate d = LocalDate.of(v / 10000, v / 100 % 100, v % 100);
                dates.put(v, d);
                return d;
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    /** Line splitter over raw bytes that, unlike BufferedReader, tells whether the last line had a line break. */
    static final class ByteLines {
        private final InputStream in;
        byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean eof;
        int start;
        int end;
        int number;
        boolean terminated;

        ByteLines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            int scan = pos;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        emit(i, true);
                        pos = i + 1;
                        return true;
                    }
                }
                if (eof) {
                    if (pos == limit) {
                        return false;
                    }
                    emit(limit, false);
                    pos = limit;
                    return true;
                }
                scan = fill();
            }
        }

        private void emit(int lineEnd, boolean withBreak) {
            start = pos;
            end = lineEnd > pos && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            terminated = withBreak;
            number++;
        }

        /** Keeps the unfinished line, reads more; returns where to resume scanning. */
        private int fill() throws IOException {
            int kept = limit - pos;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, kept);
            } else if (kept == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            pos = 0;
            limit = kept;
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
            return kept;
        }
    }
}
