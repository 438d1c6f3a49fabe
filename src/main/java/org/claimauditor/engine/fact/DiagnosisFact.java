package org.claimauditor.engine.fact;

import org.claimauditor.claim.Codes;
import org.claimauditor.codes.CodeChecks;
import org.claimauditor.codes.DemographicEdits;
import org.claimauditor.codes.IcdStatus;

import java.util.List;

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

    // Problem lists, each computed once per fact from the run's look-ups (see FactChecks).

    /** The code's ICD-10-CM status when it is not valid or not covered on the first date of service. */
    public List<IcdStatus> getIcdProblems() {
        if (icdProblems == null) {
            icdProblems = codes() == null ? List.of() : codes().icdProblems(this);
        }
        return icdProblems;
    }

    /** Sex edits the diagnosis breaks for the patient's sex. */
    public List<DemographicEdits.Edit> getSexConflicts() {
        if (sexConflicts == null) {
            sexConflicts = codes() == null ? List.of() : codes().sexConflicts(this);
        }
        return sexConflicts;
    }

    /** Age edits the diagnosis breaks for the patient's age at the first date of service. */
    public List<DemographicEdits.Edit> getAgeConflicts() {
        if (ageConflicts == null) {
            ageConflicts = codes() == null ? List.of() : codes().ageConflicts(this);
        }
        return ageConflicts;
    }

    /** The manifestation edit that makes this diagnosis invalid as principal (only for the principal one). */
    public List<DemographicEdits.Edit> getManifestationConflicts() {
        if (manifestationConflicts == null) {
            manifestationConflicts = codes() == null ? List.of() : codes().manifestationAsPrincipal(this);
        }
        return manifestationConflicts;
    }

    /** For an unspecified code with specific billable codes in its category, a few of those codes. */
    public List<String> getMoreSpecificCodes() {
        if (moreSpecificCodes == null) {
            moreSpecificCodes = codes() == null ? List.of() : codes().moreSpecificCodes(this);
        }
        return moreSpecificCodes;
    }

    private CodeChecks codes() {
        return claim.getChecks().codes();
    }

    private List<IcdStatus> icdProblems;
    private List<DemographicEdits.Edit> sexConflicts;
    private List<DemographicEdits.Edit> ageConflicts;
    private List<DemographicEdits.Edit> manifestationConflicts;
    private List<String> moreSpecificCodes;
}
