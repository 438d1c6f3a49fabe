package org.claimauditor.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line never starts a server by surprise: typos, --version and serve --help are answered here. */
class CliUsageTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void aMistypedCommandNamesTheNearestOne() {
        assertThat(Cli.run("valdiate-rules")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("unknown command 'valdiate-rules' (did you mean validate-rules?)" + System.lineSeparator());
    }

    @Test
    void aWordFarFromEveryCommandListsTheCommands() {
        assertThat(Cli.run("frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("unknown command 'frobnicate' (commands: audit, validate-rules, test-rules, serve")
                .hasLineCount(1);
    }

    @Test
    void aMistypedOptionNamesTheNearestOption() {
        assertThat(Cli.run("validate-rules", "--rulez", "rules")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--rulez'").contains("did you mean --rules?").hasLineCount(1);
    }

    @Test
    void versionNamesProjectRuleSetDroolsAndJava() {
        assertThat(Cli.run("--version")).isEqualTo(Cli.OK);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("(?m)^claim-auditor \\S+")
                .containsPattern("(?m)^rule set [0-9a-f]{12} \\(rules, payer-policies\\)")
                .contains("Drools 10.").contains("Java " + Runtime.version().feature());
    }

    @Test
    void serveIsListedAndItsHelpNamesItsSettings() {
        assertThat(Cli.run("--help")).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^  serve\\s+Start the REST host");
        out.reset();
        assertThat(Cli.run("serve", "--help")).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--auditor.ncci-dir=DIR", "--auditor.no-ncci",
                "--auditor.code-sets-dir=DIR", "--auditor.watch", "--server.port=PORT");
    }

    @Test
    void serveWithAFolderThatDoesNotExistIsOneLineNotAServer() {
        Path missing = tmp.resolve("no-such-folder");
        assertThat(Cli.run("serve", "--auditor.ncci-dir=" + missing)).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("serve: auditor.ncci-dir=" + missing + ": folder not found (working folder "
                        + Path.of("").toAbsolutePath() + ")" + System.lineSeparator());
    }

    @Test
    void serveRefusesAWordThatIsNotASetting() {
        assertThat(Cli.run("serve", "now")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("serve: 'now' is not a setting").hasLineCount(1);
    }
}
