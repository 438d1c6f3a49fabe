package org.claimauditor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule calling System.exit used to make the CLI exit 0 with no results. Now the rule is refused before anything
 * is compiled: this test runs in the test JVM itself, so an exit that got through would end the test run.
 */
class RuleTrustCliTest {

    static final Path EXIT_RULES = Path.of("src/test/resources/robustness/rule-trust/system-exit");

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @Test
    void validateRulesRefusesSystemExitWithItsPosition() {
        Run r = run("validate-rules", "--rules", EXIT_RULES.toString(), "--payer-policies", dir.resolve("none").toString());
        assertThat(r.code).isEqualTo(Cli.FINDINGS);
        assertThat(r.err).contains(EXIT_RULES.resolve("trust/system-exit.drl") + ":13:5: type 'System' is not allowed in rules (allowed: ")
                .contains("1 error(s); rules not loaded.");
    }

    @Test
    void auditWithSystemExitRulesFailsAndWritesNoResults() throws IOException {
        Path claim = Files.writeString(dir.resolve("claim.json"), """
                {"claimId":"C-1","claimType":"PROFESSIONAL","payerId":"MEDICARE",
                 "patient":{"id":"P-1","birthDate":"1958-04-02","sex":"F"},"billingProvider":{"npi":"1234567893"},
                 "placeOfService":"11","diagnoses":["E11.9"],
                 "lines":[{"lineNumber":1,"serviceDate":"2026-03-02","procedureCode":"99213","units":1,"charge":10}]}""");
        Path out = dir.resolve("out");
        Run r = run("audit", claim.toString(), "--rules", EXIT_RULES.toString(), "--payer-policies",
                dir.resolve("none").toString(), "--no-ncci", "--out", out.toString());
        assertThat(r.code).isNotEqualTo(Cli.OK).isEqualTo(Cli.USAGE);
        assertThat(r.err).contains(":13:5: type 'System' is not allowed in rules");
        assertThat(out.resolve("audit-results.json")).doesNotExist();
    }

    private record Run(int code, String err) { }

    private Run run(String... args) {
        streams.reset();
        return new Run(Cli.run(args), streams.err());
    }
}
