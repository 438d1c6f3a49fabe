package org.claimauditor.engine.fact;

import org.claimauditor.claim.Codes;

/** One diagnosis of a claim at its 1-based position (1 = principal), as submitted and normalised. */
public final class DiagnosisFact {

    private final ClaimFact claim;
    private final int position;
    private final String submitted;

    private final String code;
    private final boolean wellFormed;

    public DiagnosisFact(ClaimFact claim, int position, String submitted) {
        this.claim = claim;
        this.position = position;
        this.submitted = submitted;
        this.code = Codes.normalizeDiagnosis(submitted);
        this.wellFormed = Codes.isIcd10CmShape(submitted);
    }

    public ClaimFact getClaim() { return claim; }
    public int getClaimSeq() { return claim.getSeq(); }
    public int getPosition() { return position; }
    public boolean isPrincipal() { return position == 1; }
    public String getSubmitted() { return submitted; }
    public String getCode() { return code; }
    public boolean isWellFormed() { return wellFormed; }
    /** Line numbers whose diagnosis pointers name this diagnosis (empty: the finding is on the claim). */
    public java.util.List<Integer> getPointingLines() {
        return claim.getClaim().lines().stream()
                .filter(l -> l.lineNumber() != null && l.diagnosisPointers().contains(position))
                .map(l -> l.lineNumber()).toList();
    }

    public String getPath() { return "$.diagnoses[" + (position - 1) + "]"; }
}
