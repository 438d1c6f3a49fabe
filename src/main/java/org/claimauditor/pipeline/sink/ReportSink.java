package org.claimauditor.pipeline.sink;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.report.ReportRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The claim summaries, error report and compliance report ({@link ReportRun}) as a sink of the pipeline. */
public final class ReportSink implements ResultSink {

    private final ReportRun run;

    public ReportSink(Path outDir, ReportRun.Options options) throws IOException {
        this.run = ReportRun.open(outDir, options);
    }

    @Override
    public void accept(ClaimInput input, AuditResult result) throws IOException {
        try {
            run.accept(input, result);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a row write failed
        }
    }

    @Override
    public List<Path> finish() throws IOException {
        return run.finish();
    }

    @Override
    public void close() {
        run.close();
    }
}
