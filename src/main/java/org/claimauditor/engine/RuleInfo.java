package org.claimauditor.engine;

/** Catalog entry of one loaded rule, from its DRL metadata and its place in the rules folder. */
public record RuleInfo(
        String id,
        Category category,
        Severity severity,
        String description,
        String doc,
        String file,
        int line,
        String drlPackage,
        String drlName) { }
