package org.claimauditor.engine;

import org.kie.api.KieBase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One built, immutable generation of the rules (and, later, policies). Audits hold on to the RuleSet they
 * started with, so a reload never changes the rules under a request in flight.
 */
public record RuleSet(
        String version,
        KieBase kieBase,
        List<RuleInfo> catalog,
        Map<String, RuleInfo> rulesByKey,
        List<String> referenceData,
        List<String> warnings,
        java.util.Set<String> globals,
        org.claimauditor.policy.PolicySet policies,
        org.claimauditor.codes.CodeGroups codeGroups,
        org.claimauditor.codes.DemographicEdits demographics,
        org.claimauditor.claim.Plausibility plausibility,
        Instant loadedAt) {

    public RuleSet(String version, KieBase kieBase, List<RuleInfo> catalog, List<String> referenceData,
                   List<String> warnings, org.claimauditor.policy.PolicySet policies,
                   org.claimauditor.codes.CodeGroups codeGroups, org.claimauditor.codes.DemographicEdits demographics,
                   org.claimauditor.claim.Plausibility plausibility) {
        this(version, kieBase, List.copyOf(catalog),
                catalog.stream().collect(Collectors.toUnmodifiableMap(r -> key(r.drlPackage(), r.drlName()), Function.identity())),
                List.copyOf(referenceData), List.copyOf(warnings), globalsOf(kieBase), policies, codeGroups,
                demographics, plausibility, Instant.now());
    }

    /** Names of the globals the rules declare; the engine sets only those (Drools rejects undeclared ones). */
    private static java.util.Set<String> globalsOf(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                .map(org.kie.api.definition.rule.Global::getName).collect(Collectors.toUnmodifiableSet());
    }

    static String key(String drlPackage, String ruleName) {
        return drlPackage + "/" + ruleName;
    }
}
