package org.claimauditor.bench;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;
import org.claimauditor.ncci.NcciTables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plain-Java reference on the same files as the audit: the claims read with the audit's own reader
 * ({@link ClaimReader}, streaming, default limits) and checked with {@link ReferenceChecker}, both timed, so that the
 * comparison with the audit is like for like on the input side. Date-of-service edits span all claims of a patient
 * in the whole input, so the checker needs every claim at once: it holds them (about 1 KB each) until it is done.
 *
 * @param claimIds    the input's claim ids in input order (null for an unreadable claim without one)
 * @param findings    the reference's NCCI findings
 * @param parseNanos  reading and parsing the files
 * @param checkNanos  the checks
 */
public record ReferenceRun(List<String> claimIds, List<RefFinding> findings, long parseNanos, long checkNanos) {

    public static ReferenceRun run(NcciTables tables, List<Path> files) {
        long t0 = System.nanoTime();
        List<Claim> claims = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (Stream<ClaimInput> in = ClaimReader.stream(files, Limits.DEFAULTS)) {
            in.forEachOrdered(c -> {
                claims.add(c.claim()); // null for an unreadable input: the checker skips it
                ids.add(c.claimId());
            });
        }
        long t1 = System.nanoTime();
        List<RefFinding> findings = ReferenceChecker.check(tables, claims);
        long t2 = System.nanoTime();
        return new ReferenceRun(ids, findings, t1 - t0, t2 - t1);
    }

    public double claimsPerSecond() {
        return claimIds.size() / ((parseNanos + checkNanos) / 1e9);
    }
}
