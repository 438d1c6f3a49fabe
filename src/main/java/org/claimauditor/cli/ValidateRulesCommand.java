package org.claimauditor.cli;

import org.claimauditor.engine.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "validate-rules", mixinStandardHelpOptions = true,
        description = "Build the rules and payer policies; print every error as file:line:column. Exit 0 when clean, 1 on any error.")
final class ValidateRulesCommand implements Callable<Integer> {

    @Mixin
    RuleOptions rules;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        RuleSet rs = rules.loadOrReport(System.err);
        if (rs == null) {
            return Cli.FINDINGS;
        }
        rs.warnings().forEach(w -> System.out.println("warning: " + w));
        System.out.printf("OK: %d rules built from %s in %d ms, rule set version %s%n",
                rs.catalog().size(), rules.rulesDir, (System.nanoTime() - start) / 1_000_000, rs.version());
        return Cli.OK;
    }
}
