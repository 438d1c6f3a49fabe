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
import java.nio.file.Path;
import java.util.List;

/** {@code audit-results.json}: a pretty-printed JSON array of {@link ResultEntry}, one per input claim, input order. */
public final class JsonArrayResults implements ResultSink {

    public static final String FILE = "audit-results.json";

    private static final ObjectWriter WRITER = ResultsFile.JSON.writerFor(ResultEntry.class)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final RunReference run;
    private final AtomicFile file;
    private final JsonGenerator gen;
    private boolean finished;

    public JsonArrayResults(Path outDir, RunReference run) throws IOException {
        this.run = run;
        this.file = AtomicFile.create(outDir.resolve(FILE));
        try {
            this.gen = ResultsFile.JSON.getFactory().createGenerator(file.stream())
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            gen.writeStartArray();
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        }
    }

    @Override
    public void accept(ClaimInput input, AuditResult result) throws IOException {
        WRITER.writeValue(gen, ResultEntry.of(result, run));
    }

    @Override
    public List<Path> finish() throws IOException {
        finished = true;
        try {
            gen.writeEndArray();
            gen.flush();
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        }
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
