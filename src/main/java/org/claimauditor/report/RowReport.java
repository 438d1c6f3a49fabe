package org.claimauditor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A row report ({@code claim-summaries}, {@code error-report}) streamed to {@code NAME.json} and/or
 * {@code NAME.csv} as rows arrive, so no row stays in memory. The JSON is an array with one row per line
 * (compact, yet greppable and diffable).
 */
final class RowReport<R extends Record & CsvRow> {

    private final List<AtomicFile> files = new ArrayList<>();
    private final JsonGenerator json;
    private final CsvWriter csv;

    RowReport(Path dir, String name, Class<R> type, Set<ReportFormat> formats, UnaryOperator<OutputStream> wrap)
            throws IOException {
        try {
            if (formats.contains(ReportFormat.JSON)) {
                AtomicFile f = open(dir.resolve(name + ".json"), wrap);
                json = ReportJson.ROWS.getFactory().createGenerator(f.stream());
                json.setPrettyPrinter(new OneRowPerLine());
                json.writeStartArray();
            } else {
                json = null;
            }
            if (formats.contains(ReportFormat.CSV)) {
                AtomicFile f = open(dir.resolve(name + ".csv"), wrap);
                csv = new CsvWriter(f.stream());
                csv.row(CsvRow.header(type));
            } else {
                csv = null;
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    private AtomicFile open(Path target, UnaryOperator<OutputStream> wrap) throws IOException {
        AtomicFile f = AtomicFile.create(target, wrap);
        files.add(f);
        return f;
    }

    void write(R row) {
        try {
            if (json != null) {
                ReportJson.ROWS.writeValue(json, row);
            }
            if (csv != null) {
                csv.row(row.csvCells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the documents; the files stay under their temporary names until {@link #files()} are committed. */
    List<AtomicFile> finish() throws IOException {
        if (json != null) {
            json.writeEndArray();
            json.writeRaw('\n');
            json.flush();
        }
        if (csv != null) {
            csv.flush();
        }
        return files;
    }

    void abort() {
        files.forEach(AtomicFile::abort);
    }

    /** {@code [} newline, rows separated by comma-newline, {@code ]}; compact inside a row. */
    private static final class OneRowPerLine extends MinimalPrettyPrinter {
        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            super.writeStartArray(g);
            if (g.getOutputContext().getParent().inRoot()) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            super.writeArrayValueSeparator(g);
            if (g.getOutputContext().getParent().inRoot()) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (g.getOutputContext().getParent().inRoot() && nrOfValues > 0) {
                g.writeRaw('\n');
            }
            super.writeEndArray(g, nrOfValues);
        }
    }
}
