package org.claimauditor.engine.fact;

import org.claimauditor.ncci.PtpEdit;

/**
 * Two lines of one patient, rendering provider, claim type and date of service whose codes form a PTP edit in force
 * (indicator 0 or 1) in the table the payer policy applies: column 1's code in column 1, column 2's in column 2.
 * Prepared in Java from the tables ({@code NcciCandidates}), so the PTP rules match one small fact per pair instead of
 * joining every two lines of a day; what the pair means (denied, bypassed) stays in the rules.
 */
public record PtpCandidate(LineFact column1, LineFact column2, PtpEdit edit) {
    public LineFact getColumn1() { return column1; }
    public LineFact getColumn2() { return column2; }
    public PtpEdit getEdit() { return edit; }
}
