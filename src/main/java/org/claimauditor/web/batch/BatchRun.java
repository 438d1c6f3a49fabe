package org.claimauditor.web.batch;

import org.claimauditor.pipeline.sink.RunFile;
import org.claimauditor.report.ResultsFile;
import org.claimauditor.web.claim.ClaimIndex;
import org.claimauditor.web.claim.StreamedAudit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One batch audit started on the pages: its folder ({@code input/} as uploaded, {@code out/} as the {@code audit}
 * command writes it, plus the claim index), who started it, and its progress while it runs.
 */
public final class BatchRun {

    static final String INPUT = "input";
    static final String OUT = "out";

    private final String id;
    private final Path dir;
    private final String fileName;
    private final String startedBy;
    private final Instant createdAt;
    private final StreamedAudit progress;
    private volatile String error;

    BatchRun(String id, Path dir, String fileName, String startedBy, Instant createdAt, StreamedAudit progress) {
        this.id = id;
        this.dir = dir;
        this.fileName = fileName;
        this.startedBy = startedBy;
        this.createdAt = createdAt;
        this.progress = progress;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public StreamedAudit progress() {
        return progress;
    }

    public String error() {
        return error;
    }

    void fail(String message) {
        error = message;
        progress.failed();
    }

    public boolean done() {
        return progress.phase() == StreamedAudit.Phase.DONE;
    }

    public boolean running() {
        return progress.phase() != StreamedAudit.Phase.DONE && progress.phase() != StreamedAudit.Phase.FAILED;
    }

    Path input() {
        return dir.resolve(INPUT);
    }

    Path out() {
        return dir.resolve(OUT);
    }

    /** The input files as uploaded (one per run from the pages). */
    public List<Path> inputFiles() {
        try (Stream<Path> files = Files.list(input())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path index() {
        return out().resolve(ClaimIndex.FILE);
    }

    /** audit-run.json of a finished run: rule set version and counts by status. */
    public RunFile.Run summary() {
        try {
            return ResultsFile.JSON.readValue(out().resolve(RunFile.FILE).toFile(), RunFile.Run.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out().resolve(RunFile.FILE) + ": " + e.getMessage(), e);
        }
    }

    /** The files a user may download: results, run file and reports (not the pages' own index, nor temporary files). */
    public List<String> downloads() {
        if (!done()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out())) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals(ClaimIndex.FILE)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A claim's origin without the server's folders: the uploaded file's name and the line or position in it. */
    public String shortOrigin(String origin) {
        String prefix = input().toString() + java.io.File.separator;
        return origin != null && origin.startsWith(prefix) ? origin.substring(prefix.length()) : origin;
    }

    /** The out/ file named {@code name} if it is one of {@link #downloads()}, else null: no path from a URL is trusted. */
    Path download(String name) {
        return downloads().contains(name) ? out().resolve(name) : null;
    }
}
