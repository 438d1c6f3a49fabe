package org.claimauditor.pipeline.source.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ReadAhead;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.ClaimCursor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A CSV claim extract (docs/csv-input.md): a header row of column names, then one row per service line with the
 * claim's columns repeated; consecutive rows with the same {@code claimId} are one claim. Every claim gives one
 * {@link ClaimInput}; a bad value makes its claim an error entry ({@code file:line: column 'units': 'x' is not a
 * number}) and the other claims are read normally. Rows of a claim that come back after other claims are an error
 * entry of their own (the extract must be sorted or grouped by claim). Memory holds one claim's rows (at most
 * {@link Limits#maxLinesPerClaim()}) and the hashes of the claim ids seen.
 */
public final class CsvClaimReader extends ReadAhead<ClaimInput> implements ClaimCursor {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final String name;
    private final int firstIndex;
    private final Limits limits;
    private final CSVParser parser;
    private final java.util.Iterator<CSVRecord> records;
    private final SeenClaimIds seen = new SeenClaimIds();
    /** Index of each known column in the row, -1 when the header does not have it. */
    private final Map<CsvColumn, Integer> columns = new EnumMap<>(CsvColumn.class);
    private int headerSize;
    private boolean headerRead;
    private int lastEndLine;
    private Row pendingRow;
    /** Where reading stopped, reported as the entry after the last claim read. */
    private Broken broken;
    private boolean stop;

    private CsvClaimReader(InputStream raw, String name, int firstIndex, Limits limits) throws IOException {
        this.name = name;
        this.firstIndex = firstIndex;
        this.limits = limits;
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset(); // no byte-order mark (Excel's "CSV UTF-8" writes one)
        }
        // invalid bytes are an error, not U+FFFD in a procedure code
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.parser = CSVParser.builder().setReader(new InputStreamReader(in, decoder)).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    public static CsvClaimReader open(Path file, int firstIndex, Limits limits) throws IOException {
        return new CsvClaimReader(Files.newInputStream(file), file.toString(), firstIndex, limits);
    }

    public static CsvClaimReader open(InputStream in, String name, int firstIndex, Limits limits) throws IOException {
        return new CsvClaimReader(in, name, firstIndex, limits);
    }

    /** Reads a whole input (a request body). */
    public static List<ClaimInput> read(InputStream in, String name, Limits limits) {
        List<ClaimInput> out = new ArrayList<>();
        try (CsvClaimReader r = open(in, name, 0, limits)) {
            r.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        stop();
        parser.close();
    }

    /** One physical row: the line it starts on, its cells by column (null when empty or absent), its flaw if any. */
    record Row(int line, Map<CsvColumn, String> cells, String problem) {
        String get(CsvColumn c) {
            return cells.get(c);
        }
    }

    /** Thrown by {@link #readRow} when the rest of the file cannot be read. */
    private static final class Broken extends Exception {
        Broken(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    protected ClaimInput advance() {
        int index = firstIndex + count();
        if (broken != null) {
            String error = name + ":" + broken.getMessage();
            broken = null;
            stop = true;
            return ClaimInput.failed(index, name, null, error);
        }
        if (stop) {
            return null;
        }
        try {
            if (!headerRead) {
                headerRead = true;
                String problem = readHeader();
                if (problem != null) {
                    stop = true;
                    return ClaimInput.failed(index, name + ":1", null, name + ":1: " + problem);
                }
            }
            Row first = pendingRow != null ? pendingRow : readRow();
            pendingRow = null;
            if (first == null) {
                return null;
            }
            String origin = name + ":" + first.line();
            String claimId = first.get(CsvColumn.CLAIM_ID);
            if (claimId == null) {
                return ClaimInput.failed(index, origin, null, origin + ": column 'claimId' is empty; every row needs "
                        + "the id of its claim" + (first.problem() != null ? " (" + first.problem() + ")" : ""));
            }
            List<Row> rows = new ArrayList<>();
            rows.add(first);
            int rowCount = 1;
            try {
                for (Row r = readRow(); r != null; r = readRow()) {
                    if (!claimId.equals(r.get(CsvColumn.CLAIM_ID))) {
                        pendingRow = r;
                        break;
                    }
                    rowCount++;
                    if (rows.size() <= limits.maxLinesPerClaim()) {
                        rows.add(r); // beyond the limit rows are counted, not kept
                    }
                }
            } catch (Broken b) {
                broken = b; // this claim's rows so far are read as they are; the damage is the next entry
            }
            int before = seen.firstLine(claimId, first.line());
            if (before != 0) {
                return ClaimInput.failed(index, origin, claimId, origin + ": claim '" + claimId + "' appears again after "
                        + "other claims (its rows began on line " + before + "); the rows of a claim must be "
                        + "consecutive: sort or group the extract by claimId");
            }
            if (rowCount > limits.maxLinesPerClaim()) {
                return ClaimInput.failed(index, origin, claimId, origin + ": claim '" + claimId + "' has " + rowCount
                        + " service lines (rows), more than the limit of " + limits.maxLinesPerClaim()
                        + " per claim (auditor.limits.max-lines-per-claim)");
            }
            try {
                return ClaimInput.ok(index, origin, CsvClaimMapper.claim(rows, columns.get(CsvColumn.LINE_NUMBER) >= 0));
            } catch (CsvClaimMapper.BadCell e) {
                return ClaimInput.failed(index, origin, claimId, name + ":" + e.line + ": " + e.getMessage());
            }
        } catch (Broken b) {
            stop = true;
            return ClaimInput.failed(index, name, null, name + ":" + b.getMessage());
        }
    }

    /** Maps the header's cells to columns; the problem that makes the file unreadable, or null. */
    private String readHeader() throws Broken {
        CSVRecord header = record();
        if (header == null) {
            return null; // an empty file holds no claims
        }
        for (CsvColumn c : CsvColumn.values()) {
            columns.put(c, -1);
        }
        headerSize = header.size();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            if (i == 0 && !cell.isEmpty() && cell.charAt(0) == '\uFEFF') {
                cell = cell.substring(1);
            }
            CsvColumn c = CsvColumn.named(cell);
            if (c == null) {
                return "unknown column '" + cell + "' in the header (known: " + CsvColumn.known() + ")";
            }
            if (columns.get(c) >= 0) {
                return "column '" + c.header + "' appears twice in the header (columns " + (columns.get(c) + 1)
                        + " and " + (i + 1) + ")";
            }
            columns.put(c, i);
        }
        if (columns.get(CsvColumn.CLAIM_ID) < 0) {
            return "the header has no 'claimId' column, which groups rows into claims";
        }
        return null;
    }

    /** The next non-blank row, or null at the end of the file. */
    private Row readRow() throws Broken {
        while (true) {
            int line = lastEndLine + 1;
            CSVRecord rec = record();
            if (rec == null) {
                return null;
            }
            if (rec.size() == 1 && rec.get(0).isBlank() && headerSize > 1) {
                continue; // a blank line
            }
            Map<CsvColumn, String> cells = new EnumMap<>(CsvColumn.class);
            for (Map.Entry<CsvColumn, Integer> e : columns.entrySet()) {
                int i = e.getValue();
                if (i >= 0 && i < rec.size()) {
                    String v = rec.get(i).strip();
                    if (!v.isEmpty()) {
                        cells.put(e.getKey(), v);
                    }
                }
            }
            String problem = rec.size() == headerSize ? null
                    : rec.size() + " values where the header has " + headerSize + " columns";
            return new Row(line, cells, problem);
        }
    }

    /** The next record; the line counter is where it ended (the next record begins on the line after). */
    private CSVRecord record() throws Broken {
        try {
            CSVRecord rec = records.hasNext() ? records.next() : null;
            lastEndLine = (int) parser.getCurrentLineNumber();
            return rec;
        } catch (UncheckedIOException e) {
            String message = e.getCause() instanceof java.nio.charset.CharacterCodingException
                    ? "invalid UTF-8 bytes" : "malformed CSV: " + e.getCause().getMessage();
            throw new Broken((lastEndLine + 1) + ": " + message + "; the rest of the file is not read");
        }
    }
}
