package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.csv.CsvClaimReader;
import org.claimauditor.pipeline.source.fhir.FhirClaimReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static ClaimCursor json(Path f, int firstIndex, Limits limits) throws IOException {
        boolean jsonLines = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
        var it = ClaimReader.open(Files.newInputStream(f), f.toString(), jsonLines, firstIndex, limits);
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
                it.close();
            }
        };
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
