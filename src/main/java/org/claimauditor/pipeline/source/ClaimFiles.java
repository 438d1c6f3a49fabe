package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.csv.CsvClaimReader;
import org.claimauditor.pipeline.source.fhir.FhirClaimReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The claims of files of any supported format, each file read by the reader of its {@link InputFormat}, in the
 * order given; what {@code audit} reads (claims and {@code --history} alike).
 */
public record ClaimFiles(List<Path> files, Limits limits) implements ClaimSource {

    public ClaimFiles {
        files = List.copyOf(files);
    }

    /** Every claim of the files, read in order into a list (tests, small inputs). */
    public static List<ClaimInput> readAll(List<Path> files) {
        return readAll(files, Limits.DEFAULTS);
    }

    public static List<ClaimInput> readAll(List<Path> files, Limits limits) {
        try (Stream<ClaimInput> claims = new ClaimFiles(files, limits).claims()) {
            return claims.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        }
    }

    @Override
    public Stream<ClaimInput> claims() {
        return FileChain.stream(files, (f, first) -> open(f, first, limits));
    }

    /** One file's claims by its format. */
    static ClaimCursor open(Path f, int firstIndex, Limits limits) throws IOException {
        return switch (InputFormat.of(f)) {
            case FHIR -> FhirClaimReader.open(f, firstIndex, limits);
            case CSV -> CsvClaimReader.open(f, firstIndex, limits);
            case X12 -> new X12Claims(Files.newInputStream(f), f.toString(), firstIndex, limits);
            case JSON -> json(f, firstIndex, limits);
        };
    }

    /**
     * One input's claims from a stream (a file on HDFS or object storage, as the Spark job reads them), its format told
     * by its name: {@code .csv}; {@code .x12}, {@code .837}, {@code .edi}, {@code .txt}; {@code .fhir.json} (FHIR, read
     * whole); anything else the auditor's JSON, {@code .jsonl} as JSON Lines. Closing the cursor closes the stream.
     */
    public static ClaimCursor open(InputStream in, String name, int firstIndex, Limits limits) throws IOException {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return CsvClaimReader.open(in, name, firstIndex, limits);
        }
        if (n.endsWith(".x12") || n.endsWith(".837") || n.endsWith(".edi") || n.endsWith(".txt")) {
            return new X12Claims(in, name, firstIndex, limits);
        }
        if (n.endsWith(".fhir.json")) {
            byte[] body;
            try (in) {
                body = in.readAllBytes();
            }
            Iterator<ClaimInput> it = FhirClaimReader.read(body, name, limits).stream()
                    .map(c -> new ClaimInput(c.index() + firstIndex, c.origin(), c.claimId(), c.claim(), c.error()))
                    .iterator();
            return cursor(it, () -> { });
        }
        var it = ClaimReader.open(in, name, n.endsWith(".jsonl"), firstIndex, limits);
        return cursor(it, it::close);
    }

    private static ClaimCursor cursor(Iterator<ClaimInput> it, java.io.Closeable close) {
        return new ClaimCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ClaimInput next() {
                return it.next();
            }

            @Override
            public void close() throws IOException {
                close.close();
            }
        };
    }

    private static ClaimCursor json(Path f, int firstIndex, Limits limits) throws IOException {
        boolean jsonLines = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        var it = ClaimReader.open(Files.newInputStream(f), f.toString(), jsonLines, firstIndex, limits);
        return cursor(it, it::close);
    }

    /**
     * An X12 claim takes about half the bytes of the same claim as JSON (no field names), while its size in
     * memory is the same: its bytes count twice, so partitions hold as many claims as they would from JSON.
     */
    static final int X12_BYTES_WEIGHT = 2;

    @Override
    public long bytes() {
        long sum = 0;
        for (Path f : files) {
            try {
                sum += Files.size(f) * (InputFormat.of(f) == InputFormat.X12 ? X12_BYTES_WEIGHT : 1);
            } catch (IOException e) {
                // the reader turns a file it cannot open into an ERROR result; it adds nothing to partition
            }
        }
        return sum;
    }
}
