package org.claimauditor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line never starts a server by surprise: typos, --version and serve --help are answered here. */
class CliUsageTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @Test
    void aMistypedCommandNamesTheNearestOne() {
        assertThat(Cli.run("valdiate-rules")).isEqualTo(Cli.USAGE);
        assertThat(streams.err())
                .isEqualTo("unknown command 'valdiate-rules' (did you mean validate-rules?)" + System.lineSeparator());
    }

    @Test
    void aWordFarFromEveryCommandListsTheCommands() {
        assertThat(Cli.run("frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(streams.err()).startsWith("unknown command 'frobnicate' (commands: audit, validate-rules, test-rules, serve")
                .hasLineCount(1);
    }

    @Test
    void aMistypedOptionNamesTheNearestOption() {
        assertThat(Cli.run("validate-rules", "--rulez", "rules")).isEqualTo(Cli.USAGE);
        assertThat(streams.err()).contains("'--rulez'").contains("did you mean --rules?").hasLineCount(1);
    }

    @Test
    void versionNamesProjectRuleSetDroolsAndJava() {
        assertThat(Cli.run("--version")).isEqualTo(Cli.OK);
        String text = streams.out();
        assertThat(text).containsPattern("(?m)^claim-auditor \\S+")
                .containsPattern("(?m)^rule set [0-9a-f]{12} \\(rules, payer-policies\\)")
                .contains("Drools 10.").contains("Java " + Runtime.version().feature());
    }

    @Test
    void serveIsListedAndItsHelpNamesItsSettings() {
        assertThat(Cli.run("--help")).isEqualTo(Cli.OK);
        assertThat(streams.out()).containsPattern("(?m)^  serve\\s+Start the REST host");
        streams.reset();
        assertThat(Cli.run("serve", "--help")).isEqualTo(Cli.OK);
        assertThat(streams.out()).contains("--auditor.ncci-dir=DIR", "--auditor.no-ncci",
                "--auditor.code-sets-dir=DIR", "--auditor.watch", "--server.port=PORT");
    }

    @Test
    void serveWithAFolderThatDoesNotExistIsOneLineNotAServer() {
        Path missing = tmp.resolve("no-such-folder");
        assertThat(Cli.run("serve", "--auditor.ncci-dir=" + missing)).isEqualTo(Cli.USAGE);
        assertThat(streams.err())
                .isEqualTo("serve: auditor.ncci-dir=" + missing + ": folder not found (working folder "
                        + Path.of("").toAbsolutePath() + ")" + System.lineSeparator());
    }

    @Test
    void serveRefusesAWordThatIsNotASetting() {
        assertThat(Cli.run("serve", "now")).isEqualTo(Cli.USAGE);
        assertThat(streams.err()).startsWith("serve: 'now' is not a setting").hasLineCount(1);
    }
}
