package org.claimauditor.engine.fact;

import org.claimauditor.claim.Codes;

/** One diagnosis of a claim at its 1-based position (1 = principal), as submitted and normalised. */
public final class DiagnosisFact {

    private final ClaimFact claim;
    private final int position;
    private final String submitted;

    public DiagnosisFact(ClaimFact claim, int position, String submitted) {
        this.claim = claim;
        this.position = position;
        this.submitted = submitted;
    }

    public ClaimFact getClaim() { return claim; }
    public int getClaimSeq() { return claim.getSeq(); }
    public int getPosition() { return position; }
    public boolean isPrincipal() { return position == 1; }
    public String getSubmitted() { return submitted; }
    public String getCode() { return Codes.normalizeDiagnosis(submitted); }
    public boolean isWellFormed() { return Codes.isIcd10CmShape(submitted); }
    /** Line numbers whose diagnosis pointers name this diagnosis (empty: the finding is on the claim). */
    public java.util.List<Integer> getPointingLines() {
        return claim.getClaim().lines().stream()
                .filter(l -> l.lineNumber() != null && l.diagnosisPointers().contains(position))
                .map(l -> l.lineNumber()).toList();
    }

    public String getPath() { return "$.diagnoses[" + (position - 1) + "]"; }
}
