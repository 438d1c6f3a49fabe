package org.claimauditor.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports appear whole or not at all: temporary files are renamed into place only when every file is done. */
class AtomicWriteTest {

    @TempDir
    Path dir;

    static final List<String> ALL_FILES = List.of("claim-summaries.csv", "claim-summaries.json",
            "compliance-report.csv", "compliance-report.html", "compliance-report.json", "compliance-report.pdf",
            "error-report.csv", "error-report.json");

    /** A disk that fills up: every stream fails once it has taken {@code limit} bytes. */
    static UnaryOperator<OutputStream> failAfter(long limit) {
        return out -> new FilterOutputStream(out) {
            long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > limit) {
                    throw new IOException("No space left on device (test)");
                }
                out.write(b, off, len);
            }
        };
    }

    /** Fails the {@code n}-th file opened (1-based) on its first write. */
    static UnaryOperator<OutputStream> failFile(int n) {
        AtomicInteger opened = new AtomicInteger();
        return out -> opened.incrementAndGet() == n ? failAfter(0).apply(out) : out;
    }

    List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void finishedRunLeavesExactlyTheReportsAndNoTemporaryFile() throws IOException {
        try (ReportRun run = ReportRun.open(dir, ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), List.of()))) {
            List<Path> written = ReportBatch.write(run);
            assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("claim-summaries.json",
                    "claim-summaries.csv", "error-report.json", "error-report.csv", "compliance-report.json",
                    "compliance-report.csv", "compliance-report.html", "compliance-report.pdf");
        }
        assertThat(files()).isEqualTo(ALL_FILES);
    }

    @Test
    void whileRunningOnlyHiddenTemporaryFilesExist() throws IOException {
        try (ReportRun run = ReportRun.open(dir, ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), List.of()))) {
            ReportBatch.entries().forEach(e -> run.accept(e.input(), e.result()));
            assertThat(files()).isNotEmpty().allSatisfy(f -> assertThat(f).startsWith(".").endsWith(".tmp"));
            run.finish();
        }
        assertThat(files()).isEqualTo(ALL_FILES);
    }

    @Test
    void aWriteFailingMidwayLeavesNoReportAndKeepsThePreviousOne() throws IOException {
        Files.writeString(dir.resolve("claim-summaries.csv"), "previous run");
        ReportRun run = new ReportRun(dir, ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), List.of()),
                failAfter(100_000));
        assertThatThrownBy(() -> {
            try (run) {
                for (int i = 0; i < 100_000; i++) {
                    ReportBatch.entries().forEach(e -> run.accept(e.input(), e.result()));
                }
                run.finish();
            }
        }).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("No space left on device (test)");
        assertThat(files()).containsExactly("claim-summaries.csv");
        assertThat(Files.readString(dir.resolve("claim-summaries.csv"))).isEqualTo("previous run");
    }

    @Test
    void aFailureWhileFinishingLeavesNoReportAtAll() throws IOException {
        // Files open in this order: summaries json, csv, errors json, csv, then compliance json (5th) at finish.
        ReportRun run = new ReportRun(dir, ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), List.of()), failFile(5));
        ReportBatch.entries().forEach(e -> run.accept(e.input(), e.result()));
        assertThatThrownBy(run::finish).isInstanceOf(IOException.class).hasMessageContaining("No space left");
        run.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void closingWithoutFinishingDropsEverything() throws IOException {
        try (ReportRun run = ReportRun.open(dir, ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), List.of()))) {
            ReportBatch.entries().forEach(e -> run.accept(e.input(), e.result()));
        }
        assertThat(files()).isEmpty();
    }
}
