package org.claimauditor.pipeline;

import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference data of one run — rule set, NCCI tables, code sets, payer policy files — the same for every claim,
 * so it is written once per run ({@code audit-run.json}) rather than repeated in each result. What a result adds
 * of its own (the payer policy applied to its claim) stays with the result.
 */
public final class RunReference {

    /** The prefix of the engine's per-claim line, {@code PolicySet.Resolution.describe()}. */
    public static final String PAYER_POLICY = "Payer policy: ";

    private final String ruleSetVersion;
    private final List<String> lines;
    private final Set<String> known;

    public RunReference(String ruleSetVersion, List<String> lines) {
        this.ruleSetVersion = ruleSetVersion;
        this.lines = List.copyOf(lines);
        this.known = new HashSet<>(lines);
    }

    /** The lines every result of a run with these rules and tables starts with (as {@link org.claimauditor.engine.AuditEngine} builds them). */
    public static RunReference of(RuleSet rules, Reference ref) {
        List<String> lines = new ArrayList<>(rules.referenceData());
        lines.addAll(ref.describe());
        return new RunReference(rules.version(), lines);
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    public List<String> lines() {
        return lines;
    }

    /** The result's reference lines that are not the run's: normally the one payer-policy line of its claim. */
    public List<String> own(AuditResult r) {
        if (r.referenceData() == null) {
            return List.of();
        }
        List<String> own = new ArrayList<>(1);
        for (String line : r.referenceData()) {
            if (!known.contains(line)) {
                own.add(line);
            }
        }
        return own;
    }

    /** The result with only its own reference lines, as kept between the audit and the writing of the files. */
    public AuditResult compact(AuditResult r) {
        return new AuditResult(r.claimId(), r.status(), r.findings(), r.ruleSetVersion(), own(r), r.error());
    }

    /** Undoes {@link #compact}: the run's lines followed by the result's own, as the engine gave them. */
    public AuditResult expand(AuditResult compact) {
        List<String> all = new ArrayList<>(lines.size() + compact.referenceData().size());
        all.addAll(lines);
        all.addAll(compact.referenceData());
        return new AuditResult(compact.claimId(), compact.status(), compact.findings(), compact.ruleSetVersion(),
                all, compact.error());
    }

    /** The payer policy applied to the result's claim, without the "Payer policy: " prefix; null if none was. */
    public String payerPolicy(AuditResult r) {
        for (String line : own(r)) {
            if (line.startsWith(PAYER_POLICY)) {
                return line.substring(PAYER_POLICY.length());
            }
        }
        return null;
    }
}
