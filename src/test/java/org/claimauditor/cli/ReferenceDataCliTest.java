package org.claimauditor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken reference data and a bad --max-bad-rows end the CLI with exit 2 and one line on stderr, no trace. */
class ReferenceDataCliTest {

    static final Path CASES = Path.of("src/test/resources/robustness/ncci");

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    record Run(int exit, String out, String err) { }

    Run run(String... args) {
        streams.reset();
        int exit = Cli.run(args);
        return new Run(exit, streams.out(), streams.err());
    }

    @Test
    void aCorruptZipOfPtpFilesIsExitTwoWithOneLine() throws IOException {
        Path ncci = dir.resolve("ncci");
        FileSystemUtils.copyRecursively(Path.of("test-claims/ncci-sample"), ncci);
        Files.delete(ncci.resolve("ccipra-v322r0-f1.txt"));
        Files.delete(ncci.resolve("ccipra-v322r0-f2.txt"));
        FileSystemUtils.copyRecursively(CASES.resolve("ptp-zip-corrupt"), ncci);

        Run r = run("audit", "--ncci-dir", ncci.toString(), "--out", dir.resolve("out").toString(), "test-claims/samples");

        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).isEqualTo("cannot load NCCI tables: ncci-ptp-v322r0.zip: not a readable zip archive (zip END "
                + "header not found); the NCCI files it may hold cannot be loaded: replace it, or remove it from the folder"
                + System.lineSeparator());
        assertThat(dir.resolve("out/audit-results.json")).doesNotExist();
    }

    @Test
    void anEmptyCodeSetFileIsExitTwoWithOneLine() throws IOException {
        Path codes = dir.resolve("codes");
        FileSystemUtils.copyRecursively(Path.of("test-claims/code-sets-sample"), codes);
        FileSystemUtils.copyRecursively(CASES.resolve("code-sets/icd-empty"), codes);

        Run r = run("audit", "--ncci-dir", "test-claims/ncci-sample", "--code-sets", codes.toString(),
                "--out", dir.resolve("out").toString(), "test-claims/samples");

        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).isEqualTo("cannot load code sets: icd10cm_order_2026.excerpt.txt: the file is empty: it "
                + "holds no code" + System.lineSeparator());
        assertThat(dir.resolve("out/audit-results.json")).doesNotExist();
    }

    @Test
    void maxBadRowsOutsideZeroToOneIsAOneLineUsageError() {
        for (String share : new String[] {"1.5", "-0.1", "NaN"}) {
            Run r = run("audit", "--ncci-dir", "test-claims/ncci-sample", "--max-bad-rows", share,
                    "--out", dir.resolve("out").toString(), "test-claims/samples");
            assertThat(r.exit()).isEqualTo(Cli.USAGE);
            assertThat(r.err().lines()).singleElement().asString().isEqualTo("--max-bad-rows: the share of unreadable "
                    + "NCCI rows tolerated must be between 0 and 1 (0.001 = 0.1 %), not " + share
                    + " (see: claim-auditor audit --help)");
        }
        Run notANumber = run("audit", "--no-ncci", "--max-bad-rows", "a lot", "--out", dir.toString(), "test-claims/samples");
        assertThat(notANumber.exit()).isEqualTo(Cli.USAGE);
        assertThat(notANumber.err().lines()).singleElement().asString().startsWith("Invalid value for option '--max-bad-rows'");
    }
}
