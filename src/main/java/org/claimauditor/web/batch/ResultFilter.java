package org.claimauditor.web.batch;

import org.claimauditor.engine.Finding;
import org.claimauditor.web.claim.IndexedClaim;

import java.util.List;

/**
 * The results page's filters; blank means any. A claim matches when its status, payer and provider match and, if a
 * rule, category or severity is chosen, at least one of its findings has all three.
 */
public record ResultFilter(String rule, String category, String severity, String provider, String payer,
                           String status) {

    public ResultFilter {
        rule = blankToNull(rule);
        category = blankToNull(category);
        severity = blankToNull(severity);
        provider = blankToNull(provider);
        payer = blankToNull(payer);
        status = blankToNull(status);
    }

    boolean matches(IndexedClaim c) {
        if (status != null && !status.equals(c.result().status().name())) {
            return false;
        }
        if (payer != null && !payer.equalsIgnoreCase(String.valueOf(c.payer()))) {
            return false;
        }
        if (provider != null && c.providers().noneMatch(provider::equals)) {
            return false;
        }
        return !findingFilter() || !findings(c).isEmpty();
    }

    /** The claim's findings this filter selects (all of them when no finding filter is set). */
    List<Finding> findings(IndexedClaim c) {
        return c.result().findings().stream()
                .filter(f -> rule == null || rule.equals(f.ruleId()))
                .filter(f -> category == null || category.equals(String.valueOf(f.category())))
                .filter(f -> severity == null || severity.equals(String.valueOf(f.severity())))
                .toList();
    }

    private boolean findingFilter() {
        return rule != null || category != null || severity != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
