package org.claimauditor.web.claim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.pipeline.sink.ResultSink;
import org.claimauditor.report.AtomicFile;
import org.claimauditor.report.ResultsFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code claims.jsonl} of a run: one {@link IndexedClaim} per line in input order, written as one more sink of the
 * streaming pipeline, so the pages can filter the results and open a claim with its lines without holding the run in
 * memory (a page streams the file). Also counts what it was fed, for the run's progress.
 */
public final class ClaimIndex implements ResultSink {

    public static final String FILE = "claims.jsonl";

    private static final ObjectMapper JSON = ResultsFile.JSON.copy()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader READER = JSON.readerFor(IndexedClaim.class);

    private final AtomicFile file;
    private final OutputStream out;
    private final AtomicLong written = new AtomicLong();
    private boolean finished;

    public ClaimIndex(Path dir) throws IOException {
        this.file = AtomicFile.create(dir.resolve(FILE));
        this.out = file.stream();
    }

    @Override
    public void accept(ClaimInput input, AuditResult result) throws IOException {
        // the index is the run's position, not input.index(): several files each count from 0
        out.write(JSON.writeValueAsBytes(new IndexedClaim((int) written.get(), input.origin(), input.claim(), result)));
        out.write('\n');
        written.incrementAndGet();
    }

    public long written() {
        return written.get();
    }

    @Override
    public List<Path> finish() throws IOException {
        Path done = file.commit();
        finished = true;
        return List.of(done);
    }

    @Override
    public void close() {
        if (!finished) {
            file.abort();
        }
    }

    /** The claims of an index file in input order; the caller closes the stream. */
    public static Stream<IndexedClaim> read(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return in.lines().map(ClaimIndex::parse).onClose(() -> {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static IndexedClaim parse(String line) {
        try {
            return READER.readValue(line);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable claim index line: " + e.getMessage(), e);
        }
    }
}
