package org.claimauditor.policy;

import org.claimauditor.codes.CodeRange;
import org.claimauditor.engine.Remittance;
import org.claimauditor.engine.Severity;
import org.claimauditor.engine.fact.LineFact;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One entry of a payer policy, inserted into the session as a fact; the generic rules in rules/payer/ match
 * lines against it through the small predicates below. {@code remittance} is the entry's own {@code carc}/{@code rarc}
 * (null: the PAYER-* rule's codes apply).
 */
public record PolicyEntry(
        PayerPolicy policy,
        String id,
        String kind,
        String description,
        String source,
        LocalDate from,
        LocalDate to,
        Severity severity,
        Enforcement enforcement,
        List<CodeRange> codes,
        List<CodeRange> bundled,
        List<String> modifiers,
        List<String> bypassModifiers,
        List<String> instead,
        Integer max,
        String per,
        Integer days,
        String count,
        Integer value,
        Integer mai,
        List<String> rules,
        Conditions conditions,
        Remittance remittance,
        int line) {

    /** The severity findings of this entry carry: deny keeps it, pend is WARNING, soft is INFO. */
    public Severity effectiveSeverity() {
        return enforcement.apply(severity);
    }

    /** "acme.yaml ACME-BUNDLE-001: ACME Reimbursement Policy RP-104 §2" */
    public String sourceText() {
        return "Payer policy " + policy.fileName() + ":" + line + " " + id + " (" + policy.name() + "): " + source;
    }

    public String getKind() {
        return kind;
    }

    public Integer getMax() {
        return max;
    }

    /** The line's claim is governed by this entry's policy, the line's date is in force, and the conditions hold. */
    public boolean appliesTo(LineFact l) {
        LocalDate dos = l.getServiceDate();
        return l.getClaim().getPolicy() == policy && dos != null && policy.inForce(dos)
                && (from == null || !dos.isBefore(from)) && (to == null || !dos.isAfter(to)) && conditions.holdFor(l);
    }

    public boolean inCodes(String code) {
        return codes.isEmpty() || codes.stream().anyMatch(r -> r.contains(code));
    }

    public boolean inBundled(String code) {
        return bundled.stream().anyMatch(r -> r.contains(code));
    }

    /** A modifier on either line that the entry lets bypass the bundle, or null. */
    public String bypass(LineFact a, LineFact b) {
        for (LineFact l : List.of(b, a)) {
            for (String m : l.getModifiers()) {
                if (bypassModifiers.contains(m)) {
                    return m;
                }
            }
        }
        return null;
    }

    public boolean hasAnyModifier(LineFact l) {
        return l.getModifiers().stream().anyMatch(modifiers::contains);
    }

    public List<String> forbiddenOn(LineFact l) {
        return l.getModifiers().stream().filter(modifiers::contains).toList();
    }

    /**
     * Whether {@code other} counts toward the limit at {@code line}: same patient (checked by the rule), on or
     * before it (date, then input order), and inside the window: the same day, calendar year, or the
     * {@code days} days ending on the line's date.
     */
    public boolean inWindow(LineFact other, LineFact line) {
        LocalDate d = other.getServiceDate();
        LocalDate at = line.getServiceDate();
        if (d == null || at == null || d.isAfter(at) || (d.equals(at) && other.getOrder() > line.getOrder())) {
            return false;
        }
        return switch (per) {
            case "day" -> d.equals(at);
            case "year" -> d.getYear() == at.getYear();
            default -> !d.isBefore(at.minusDays(days - 1L));
        };
    }

    /** What one line contributes to a frequency limit: its units, or 1 per service line. */
    public int countOf(LineFact l) {
        return "services".equals(count) ? 1 : l.getUnits() == null ? 0 : Math.max(0, l.getUnits());
    }

    /** The sum of {@link #countOf} over the lines counted toward a frequency limit. */
    public int total(List<?> lines) {
        long n = 0;
        for (Object o : lines) {
            n += countOf((LineFact) o);
        }
        return (int) Math.min(n, Integer.MAX_VALUE); // huge units saturate rather than wrap to a negative count
    }

    /** Share of the line's charge above a frequency limit: the part of its own count that exceeds {@code max}. */
    public double excessShare(LineFact l, int total) {
        int own = countOf(l);
        return own <= 0 ? 1.0 : Math.min(own, Math.max(0, total - max)) / (double) own;
    }

    public String window() {
        return switch (per) {
            case "day" -> "per day";
            case "year" -> "per calendar year";
            default -> "per " + days + " days";
        };
    }

    public boolean excludes(String ruleId) {
        return Conditions.listed(rules, ruleId);
    }

    /** For an add-on-primaries entry: whether it defines the primaries of {@code code} (null: no code, never). */
    public boolean definesAddOn(String code) {
        return Conditions.listed(rules, code);
    }

    /** Kinds whose findings are PAYER-* findings, the only ones an entry's own remittance codes can go on. */
    static final Set<String> FINDING_KINDS = Set.of("bundle", "deny", "require-modifier", "forbid-modifier", "frequency-limit");

    static final Set<String> KINDS = Set.of("bundle", "deny", "require-modifier", "forbid-modifier", "frequency-limit",
            "mue-override", "add-on-primaries", "exclude");
}
