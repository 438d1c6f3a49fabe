package org.claimauditor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Option mistakes and internal failures answer with one line and the right exit code, before any loading. */
class CliFailureTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    private String errText() {
        return streams.err();
    }

    @Test
    void outThatIsAFileIsRefusedBeforeTheRulesAreBuilt() throws Exception {
        Path file = Files.writeString(tmp.resolve("results.txt"), "x");
        long start = System.nanoTime();
        int exit = Cli.run("audit", "--no-ncci", "--out", file.toString(), "test-claims/samples");
        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(errText().strip()).isEqualTo("--out " + file + ": is a file, not a folder");
        assertThat((System.nanoTime() - start) / 1_000_000).as("no rule build before the check").isLessThan(3_000);
    }

    @Test
    void outUnderAFileCannotBeCreated() throws Exception {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        int exit = Cli.run("audit", "--no-ncci", "--out", file.resolve("sub").toString(), "test-claims/samples");
        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(errText().lines().count()).isEqualTo(1);
        assertThat(errText()).startsWith("--out " + file.resolve("sub") + ": cannot write there");
    }

    @Test
    void missingHistoryFileIsOneLine() {
        int exit = Cli.run("audit", "--no-ncci", "--history", tmp.resolve("nope.jsonl").toString(),
                "--out", tmp.resolve("o").toString(), "test-claims/samples");
        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(errText().strip()).isEqualTo("input not found: " + tmp.resolve("nope.jsonl"));
    }

    @Test
    void badOptionValueIsOneLineWithAHint() {
        int exit = Cli.run("audit", "--no-ncci", "--today", "2026-13-45", "--out", tmp.toString(), "test-claims/samples");
        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(errText().lines().count()).isEqualTo(1);
        assertThat(errText()).contains("--today").contains("2026-13-45").contains("(see: claim-auditor audit --help)");
    }

    @Test
    void internalFailureIsOneLineWithoutDebugAndATraceWithIt() {
        StringWriter quiet = new StringWriter();
        int exit = Cli.internalFailure(new IllegalStateException("table index corrupt\nsecond line"), false,
                new PrintWriter(quiet));
        assertThat(exit).isEqualTo(Cli.INTERNAL).isEqualTo(3);
        assertThat(quiet.toString().strip())
                .isEqualTo("internal error: IllegalStateException: table index corrupt (--debug for the stack trace)");

        StringWriter loud = new StringWriter();
        Cli.internalFailure(new IllegalStateException("boom"), true, new PrintWriter(loud));
        assertThat(loud.toString()).contains("at org.claimauditor.cli.CliFailureTest");
    }

    @Test
    void outOfMemoryIsExit3AndSaysWhatHelps() {
        StringWriter w = new StringWriter();
        int exit = Cli.internalFailure(new OutOfMemoryError("Java heap space"), false, new PrintWriter(w));
        assertThat(exit).isEqualTo(Cli.INTERNAL);
        assertThat(w.toString().lines().count()).isEqualTo(1);
        assertThat(w.toString()).contains("out of memory (Java heap space)").contains("-Xmx");
    }

    @Test
    void limitOptionsReachTheReaderAndTheEngine() throws Exception {
        Path out = tmp.resolve("limited");
        int exit = Cli.run("audit", "--no-ncci", "--max-lines-per-claim", "1", "--out", out.toString(), "test-claims/samples");
        assertThat(exit).isEqualTo(Cli.FINDINGS);
        String results = Files.readString(out.resolve("audit-results.json"));
        assertThat(results).contains("S-1001").contains("more than the limit of 1 per claim (auditor.limits.max-lines-per-claim)");
    }

    @Test
    void aLimitThatIsNotPositiveIsAUsageError() {
        int exit = Cli.run("audit", "--no-ncci", "--max-findings-per-claim", "0", "--out", tmp.toString(), "test-claims/samples");
        assertThat(exit).isEqualTo(Cli.USAGE);
        assertThat(errText().lines().count()).isEqualTo(1);
        assertThat(errText()).contains("limits must be positive").contains("findings 0");
        streams.reset();
        assertThat(Cli.run("audit", "--no-ncci", "--rule-time-limit", "soon", "--out", tmp.toString(), "test-claims/samples"))
                .isEqualTo(Cli.USAGE);
        assertThat(errText().strip()).isEqualTo("--rule-time-limit 'soon': expected a duration such as 10s, 500ms, 2m or PT10S");
    }
}
