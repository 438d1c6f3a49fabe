package org.claimauditor.web.impact;

import org.claimauditor.engine.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one claim under two rule sets, matched by rule and lines (a rule may fire several times on the
 * same lines; those pair up in order). An unmatched finding is added or removed; a matched pair whose severity
 * differs is a severity change. A changed message alone is no difference: the money and the verdict are the same.
 */
final class ClaimDiff {

    private ClaimDiff() { }

    static List<FindingChange> of(int index, String claimId, List<Finding> before, List<Finding> after) {
        Map<String, List<Finding>> left = byKey(before);
        List<FindingChange> out = new ArrayList<>();
        for (Finding a : after) {
            List<Finding> same = left.get(key(a));
            if (same == null || same.isEmpty()) {
                out.add(FindingChange.added(index, claimId, a));
                continue;
            }
            Finding b = same.remove(0);
            if (b.severity() != a.severity()) {
                out.add(FindingChange.severity(index, claimId, b, a));
            }
        }
        left.values().forEach(rest -> rest.forEach(b -> out.add(FindingChange.removed(index, claimId, b))));
        return out;
    }

    private static Map<String, List<Finding>> byKey(List<Finding> findings) {
        Map<String, List<Finding>> map = new LinkedHashMap<>();
        findings.forEach(f -> map.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f));
        return map;
    }

    private static String key(Finding f) {
        return f.ruleId() + " " + f.lineNumbers();
    }
}
