package org.claimauditor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's example: three typos in three rule files and three mistakes in one payer policy are all reported by a
 * single validate-rules run, each as file:line:column and a plain sentence with the likely fix.
 */
class ValidateRulesErrorsTest {

    private static final Path DIR = Path.of("src/test/resources/validate-errors");

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @Test
    void oneRunReportsEveryMistakeOfEveryFile() {
        Path rules = DIR.resolve("rules");
        Path policies = DIR.resolve("payer-policies");
        int exit = Cli.run("validate-rules", "--rules", rules.toString(), "--payer-policies", policies.toString());

        assertThat(exit).isEqualTo(Cli.FINDINGS);
        String drl = rules.resolve("claimdata") + "/";
        assertThat(streams.err().lines()).containsExactly(
                policies.resolve("acme.yaml") + ":4:1: unknown key 'efective' (did you mean 'effective'?)",
                policies.resolve("acme.yaml") + ":10:23: invalid value '2025-02-30', expected a date YYYY-MM-DD",
                policies.resolve("acme.yaml") + ":11:15: entry ACME-BUNDLE-001: severity must be ERROR, WARNING or INFO, found 'EROR' (did you mean 'ERROR'?)",
                drl + "CLAIM-DOS-FUTURE.drl:10:40: @severity(\"EROR\") is not valid; use one of ERROR, WARNING, INFO (did you mean 'ERROR'?)",
                drl + "CLAIM-UNITS-MAX.drl:17:9: in a rule action: FindingSink has no method 'lnie' taking (RuleContext, LineFact, String, String, String) (did you mean 'line'?)",
                drl + "CLAIM-UNITS-MIN.drl:12:43: a condition is not closed: missing ')' before 'then' (rule 'Units below 1')",
                "6 error(s); rules not loaded.");
    }
}
