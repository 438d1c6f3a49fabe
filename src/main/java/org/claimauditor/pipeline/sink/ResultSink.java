package org.claimauditor.pipeline.sink;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the results of a run go, fed one (input, result) pair at a time in input order; {@code input.claim()} is
 * null for an unreadable input. A sink writes under temporary names and puts its files in place only in
 * {@link #finish}; {@link #close} without {@code finish} (a failed run) drops them, so an interrupted run never
 * leaves a file that looks complete. A new output (a database, a payer's format) is one new implementation.
 */
public interface ResultSink extends AutoCloseable {

    void accept(ClaimInput input, AuditResult result) throws IOException;

    /** Completes the files and moves them into place; returns them. */
    List<Path> finish() throws IOException;

    /** Drops the temporary files unless {@link #finish} succeeded. */
    @Override
    void close();
}
