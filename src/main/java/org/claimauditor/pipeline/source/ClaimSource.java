package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the claims of a run come from, read one at a time: every entry of the input is one {@link ClaimInput}
 * (an unreadable one carries its error), indexes counting up from 0 in input order. A new input format (X12 837,
 * FHIR Claim bundles, CSV) is one new implementation.
 */
public interface ClaimSource {

    /** The claims in input order; the caller closes the stream, which closes the file being read. */
    Stream<ClaimInput> claims();

    /** The files read (checksummed into the compliance report). */
    List<Path> files();

    /** Bytes to be read, to size the run's partitions; an estimate is fine. */
    long bytes();
}
