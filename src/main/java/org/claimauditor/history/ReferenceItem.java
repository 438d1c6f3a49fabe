package org.claimauditor.history;

import org.claimauditor.engine.RuleSet;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.policy.PayerPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a run's reference data as audit-run.json writes it ({@link RunReference#lines()}: rule set, payer
 * policy files, NCCI tables with their quarters, code sets with their years), classified for queries, with the
 * SHA-256 of a payer policy file (the rule-set version already hashes rules and policies together).
 */
public record ReferenceItem(Kind kind, String description, String sha256) {

    public enum Kind { RULE_SET, PAYER_POLICY, NCCI, CODE_SET, OTHER }

    private static final String POLICY_LINE = "Payer policy ";

    public static List<ReferenceItem> of(RunReference run, RuleSet rules) {
        Map<String, String> policyHashes = new HashMap<>();
        for (PayerPolicy p : rules.policies().policies()) {
            // the policy's file as it is now: edited since the build, its hash no longer matches the version
            policyHashes.put(POLICY_LINE + p.file() + " (", InputFile.hashOrNull(Path.of(p.file())));
        }
        List<ReferenceItem> out = new ArrayList<>();
        for (String line : run.lines()) {
            String hash = null;
            for (Map.Entry<String, String> e : policyHashes.entrySet()) {
                if (line.startsWith(e.getKey())) {
                    hash = e.getValue();
                }
            }
            out.add(new ReferenceItem(kind(line), line, hash));
        }
        return out;
    }

    static Kind kind(String line) {
        if (line.startsWith("Rule set ")) {
            return Kind.RULE_SET;
        }
        if (line.startsWith(POLICY_LINE)) {
            return Kind.PAYER_POLICY;
        }
        if (line.startsWith("NCCI")) {
            return Kind.NCCI;
        }
        if (line.startsWith("Code set") || line.startsWith("ICD-10") || line.startsWith("HCPCS") || line.startsWith("CPT")) {
            return Kind.CODE_SET;
        }
        return Kind.OTHER;
    }
}
