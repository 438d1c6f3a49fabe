package org.claimauditor.cli;

import org.claimauditor.codes.CodeSets;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.fixture.FixtureRunner;
import org.claimauditor.fixture.FixtureSuite;
import org.claimauditor.ncci.NcciTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "test-rules", mixinStandardHelpOptions = true,
        description = "Run the fixture files (one per rule id) against the rules: one line per rule, and for each failed "
                + "case its fixture file:line with the expected and the actual findings. A rule without a fixture fails. "
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

    @Option(names = "--rule", paramLabel = "ID", description = "Only the fixtures of this rule id; a glob such as 'NCCI-*' "
            + "selects several. Repeatable.")
    List<String> rulePatterns = new ArrayList<>();

    @Option(names = "--failed-only", description = "Print only the rules that fail (and the totals).")
    boolean failedOnly;

    @Option(names = "--watch", description = "Keep running: when a rule, payer policy or fixture file is saved, rebuild "
            + "what changed and rerun the fixtures of the rules it affects. Stop with Ctrl-C.")
    boolean watch;

    @Option(names = "--watch-interval", defaultValue = "500ms", hidden = true, converter = DurationConverter.class)
    Duration watchInterval;

    @Override
    public Integer call() throws InterruptedException {
        // the fixtures' NCCI sample and code sets load while the rules are built
        Background<NcciTables> ncciLoad = Background.start("load NCCI sample",
                (o, e) -> ncci.loadOrReport(o, e, fixtures.resolve(FixtureRunner.NCCI_SAMPLE)));
        Background<CodeSets> codesLoad = Background.start("load code sets",
                (o, e) -> codeSets.loadOrDefault(o, e, fixtures.resolve(FixtureRunner.CODE_SETS_SAMPLE)));
        RuleSet rs = rules.loadOrReport(System.err);
        NcciTables tables = ncciLoad.join(System.out, System.err);
        CodeSets codes = codesLoad.join(System.out, System.err);
        if ((rs == null && !watch) || tables == null || codes == null) {
            return Cli.USAGE;
        }
        Reference ref = new Reference(tables, codes);
        int exit = Cli.OK;
        if (rs != null) {
            Set<String> ids = FixtureSuite.ruleIds(rs, fixtures, rulePatterns);
            if (ids.isEmpty()) {
                System.err.println("no rule matches --rule " + String.join(", ", rulePatterns)
                        + " (rule ids are listed by GET /api/rules and in rules/docs)");
                return Cli.USAGE;
            }
            exit = report(FixtureSuite.run(rs, ref, fixtures, ids), failedOnly, System.out);
        }
        if (!watch) {
            return exit;
        }
        new FixtureWatch(rules, fixtures, rulePatterns, ref, failedOnly, watchInterval).run(rs, System.out, System.err);
        return Cli.OK;
    }

    /** One line per rule, the failed cases under it, then the totals; 0 when every selected rule passed, else 1. */
    static int report(List<FixtureSuite.RuleOutcome> outcomes, boolean failedOnly, PrintStream out) {
        int rulesFailed = 0;
        long cases = 0;
        long casesFailed = 0;
        for (FixtureSuite.RuleOutcome o : outcomes) {
            cases += o.cases().size();
            casesFailed += o.failedCases();
            if (o.passed()) {
                if (!failedOnly) {
                    out.printf("PASS %s (%d case%s)%n", o.ruleId(), o.cases().size(), o.cases().size() == 1 ? "" : "s");
                }
                continue;
            }
            rulesFailed++;
            if (o.problem() != null) {
                out.printf("FAIL %s: %s%n", o.ruleId(), o.problem());
                continue;
            }
            out.printf("FAIL %s (%d of %d cases failed)%n", o.ruleId(), o.failedCases(), o.cases().size());
            for (FixtureRunner.CaseResult c : o.cases()) {
                if (c.passed()) {
                    continue;
                }
                out.printf("  %s%s: case %d, %s%n", c.file(), c.line() > 0 ? ":" + c.line() : "", c.caseNumber(), c.description());
                if (c.problem() != null) {
                    out.printf("      %s%n", c.problem());
                } else {
                    out.printf("      expected: %s%n      actual:   %s%n", findings(c.expected()), findings(c.actual()));
                }
            }
        }
        out.printf("%d rule%s: %d passed, %d failed; %d cases: %d passed, %d failed%n", outcomes.size(),
                outcomes.size() == 1 ? "" : "s", outcomes.size() - rulesFailed, rulesFailed, cases, cases - casesFailed, casesFailed);
        return rulesFailed == 0 ? Cli.OK : Cli.FINDINGS;
    }

    private static String findings(List<String> findings) {
        return findings.isEmpty() ? "no finding" : String.join(", ", findings);
    }

    /** "500ms", "2s" (the forms Spring settings use). */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return org.springframework.boot.convert.DurationStyle.detectAndParse(value);
        }
    }
}
