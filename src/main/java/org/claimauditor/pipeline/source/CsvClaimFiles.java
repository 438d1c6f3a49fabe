package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.csv.CsvClaimReader;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** CSV extracts, one row per service line, read by {@link CsvClaimReader} (layout: docs/csv-input.md). */
public record CsvClaimFiles(List<Path> files, Limits limits) implements ClaimSource {

    public CsvClaimFiles {
        files = List.copyOf(files);
    }

    @Override
    public Stream<ClaimInput> claims() {
        return FileChain.stream(files, (f, first) -> CsvClaimReader.open(f, first, limits));
    }

    @Override
    public long bytes() {
        return ClaimFiles.totalSize(files);
    }
}
