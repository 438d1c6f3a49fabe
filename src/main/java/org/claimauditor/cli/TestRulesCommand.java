package org.claimauditor.cli;

import org.claimauditor.codes.CodeSets;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.Reference;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.fixture.FixtureRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test-rules", mixinStandardHelpOptions = true,
        description = "Run the fixture files (one per rule id) against the rules and print pass/fail per case. "
                + "NCCI tables default to the sample set the fixtures are written for (FIXTURES/ncci-sample).")
final class TestRulesCommand implements Callable<Integer> {

    @Mixin
    RuleOptions rules;

    @Mixin
    NcciOptions ncci;

    @Mixin
    CodeSetOptions codeSets;

    @Option(names = "--fixtures", defaultValue = "test-claims", description = "Fixture folder (default: ${DEFAULT-VALUE}).")
    Path fixtures;

    @Override
    public Integer call() {
        RuleSet rs = rules.loadOrReport(System.err);
        if (rs == null) {
            return Cli.USAGE;
        }
        NcciTables tables = ncci.loadOrReport(System.out, System.err, fixtures.resolve(FixtureRunner.NCCI_SAMPLE));
        if (tables == null) {
            return Cli.USAGE;
        }
        CodeSets codes = codeSets.loadOrDefault(System.out, System.err, fixtures.resolve(FixtureRunner.CODE_SETS_SAMPLE));
        if (codes == null) {
            return Cli.USAGE;
        }
        Reference ref = new Reference(tables, codes);
        int passed = 0;
        int failed = 0;
        for (Path file : FixtureRunner.fixtureFiles(fixtures)) {
            List<FixtureRunner.CaseResult> results;
            try {
                results = FixtureRunner.run(rs, ref, file);
            } catch (IllegalArgumentException e) {
                System.out.println("FAIL " + e.getMessage());
                failed++;
                continue;
            }
            for (FixtureRunner.CaseResult r : results) {
                System.out.printf("%s %s #%d %s%s%n", r.passed() ? "PASS" : "FAIL", r.rule(), r.caseNumber(),
                        r.description(), r.passed() ? "" : "\n     " + r.detail());
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? Cli.OK : Cli.FINDINGS;
    }
}
