package org.claimauditor.engine.fact;

import org.claimauditor.codes.CodeChecks;
import org.claimauditor.ncci.NcciEdits;

/**
 * The run's look-ups behind the problem lists facts expose ({@code LineFact.procedureProblems},
 * {@code DiagnosisFact.icdProblems}, ...). A rule that tests {@code procedureProblems.size() > 0} on the fact
 * itself is decided in Drools' alpha network, so the many lines and diagnoses without a problem never reach the
 * rule's {@code from} node; each list is computed once per fact.
 */
public record FactChecks(CodeChecks codes, NcciEdits ncci) {

    /** No look-ups: every problem list is empty (facts built outside an audit). */
    public static final FactChecks NONE = new FactChecks(null, null);
}
