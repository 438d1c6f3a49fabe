package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.fhir.FhirClaimReader;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** FHIR R4 JSON files, each a Claim resource or a Bundle of them, read by {@link FhirClaimReader}. */
public record FhirClaimFiles(List<Path> files, Limits limits) implements ClaimSource {

    public FhirClaimFiles {
        files = List.copyOf(files);
    }

    @Override
    public Stream<ClaimInput> claims() {
        return FileChain.stream(files, (f, first) -> FhirClaimReader.open(f, first, limits));
    }

    @Override
    public long bytes() {
        return ClaimFiles.totalSize(files);
    }
}
