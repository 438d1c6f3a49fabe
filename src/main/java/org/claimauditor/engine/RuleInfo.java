package org.claimauditor.engine;

/**
 * Catalog entry of one loaded rule, from its DRL metadata and its place in the rules folder. {@code remittance} is
 * the rule's {@code @carc}/{@code @rarc} (null for an INFO rule, or a rule that has none, which the build warns about).
 */
public record RuleInfo(
        String id,
        Category category,
        Severity severity,
        String description,
        String doc,
        String file,
        int line,
        String drlPackage,
        String drlName,
        Remittance remittance) { }
