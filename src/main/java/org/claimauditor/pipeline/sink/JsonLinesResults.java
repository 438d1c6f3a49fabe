package org.claimauditor.pipeline.sink;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.report.AtomicFile;
import org.claimauditor.report.ResultsFile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code audit-results.jsonl}: one compact {@link ResultEntry} per line, input order — for big runs, where tools
 * (jq, grep, Spark, DuckDB) read line by line instead of parsing one huge array.
 */
public final class JsonLinesResults implements ResultSink {

    public static final String FILE = "audit-results.jsonl";

    private static final ObjectWriter WRITER = ResultsFile.JSON.writerFor(ResultEntry.class)
            .without(SerializationFeature.INDENT_OUTPUT)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final RunReference run;
    private final AtomicFile file;
    private final OutputStream out;
    private boolean finished;

    public JsonLinesResults(Path outDir, RunReference run) throws IOException {
        this.run = run;
        this.file = AtomicFile.create(outDir.resolve(FILE));
        this.out = file.stream();
    }

    /** One line of the file (without its line end): what a distributed run (the Spark job) writes per result. */
    public static String line(AuditResult result, RunReference run) {
        try {
            return WRITER.writeValueAsString(ResultEntry.of(result, run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(ClaimInput input, AuditResult result) throws IOException {
        WRITER.writeValue(out, ResultEntry.of(result, run));
        out.write('\n');
    }

    @Override
    public List<Path> finish() throws IOException {
        finished = true;
        return List.of(file.commit());
    }

    @Override
    public void close() {
        if (!finished) {
            finished = true;
            file.abort();
        }
    }
}
