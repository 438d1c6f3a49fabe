package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** JSON files (one claim, an array or a sequence of objects) and JSON Lines files, read by {@link ClaimReader}. */
public record JsonClaimFiles(List<Path> files, Limits limits) implements ClaimSource {

    public JsonClaimFiles {
        files = List.copyOf(files);
    }

    /** The {@code .json} / {@code .jsonl} files named or found under {@code inputs} (see {@link ClaimReader#expandInputs}). */
    public static JsonClaimFiles of(List<Path> inputs, Limits limits) {
        return new JsonClaimFiles(inputs.isEmpty() ? List.of() : ClaimReader.expandInputs(inputs), limits);
    }

    @Override
    public Stream<ClaimInput> claims() {
        return ClaimReader.stream(files, limits);
    }

    @Override
    public long bytes() {
        long sum = 0;
        for (Path f : files) {
            try {
                sum += Files.size(f);
            } catch (IOException e) {
                // the reader turns a file it cannot open into an ERROR result; it adds nothing to partition
            }
        }
        return sum;
    }
}
