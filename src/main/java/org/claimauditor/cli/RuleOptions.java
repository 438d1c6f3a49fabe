package org.claimauditor.cli;

import org.claimauditor.engine.BuildError;
import org.claimauditor.engine.CompiledRuleCache;
import org.claimauditor.engine.RuleBuildException;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.RuleSetLoader;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** --rules / --payer-policies, shared by every command that builds the rules. */
final class RuleOptions {

    @Option(names = "--rules", defaultValue = "rules", description = "Rules folder (default: ${DEFAULT-VALUE}).")
    Path rulesDir;

    @Option(names = "--payer-policies", defaultValue = "payer-policies",
            description = "Payer policy folder (default: ${DEFAULT-VALUE}).")
    Path policiesDir;

    @Option(names = "--default-payer", defaultValue = "MEDICARE",
            description = "Payer id whose policy applies to claims of payers without a policy file (default: ${DEFAULT-VALUE}).")
    String defaultPayer;

    @Option(names = "--rule-cache", paramLabel = "DIR|none",
            description = "Folder of compiled rule sets, keyed by the content hash of the rule files, so unchanged rules load "
                    + "in about a second (default: $XDG_CACHE_HOME/claim-auditor/rules or ~/.cache/claim-auditor/rules; none: always compile).")
    String ruleCache;

    CompiledRuleCache cache() {
        return CompiledRuleCache.of(ruleCache);
    }

    /** Builds the rules, or prints every located error to {@code err} and returns null. */
    RuleSet loadOrReport(PrintStream err) {
        try {
            return new RuleSetLoader(rulesDir, policiesDir, defaultPayer).withCache(cache()).load();
        } catch (RuleBuildException e) {
            for (BuildError be : e.errors()) {
                err.println(be);
            }
            err.println(e.errors().size() + " error(s); rules not loaded.");
            return null;
        }
    }
}
