package org.claimauditor.engine.fact;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Codes;

import org.claimauditor.codes.CodeChecks;
import org.claimauditor.codes.DemographicEdits;
import org.claimauditor.codes.HcpcsStatus;
import org.claimauditor.ncci.MueLimit;
import org.claimauditor.ncci.NcciEdits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;

/** One service line with the claim it belongs to; {@code index} is its position in the claim's line array. */
public final class LineFact {

    private final ClaimFact claim;
    private final int index;
    private final Claim.ServiceLine line;

    private final String renderingNpi;
    private final boolean wellFormed;

    public LineFact(ClaimFact claim, int index, Claim.ServiceLine line) {
        this.claim = claim;
        this.index = index;
        this.line = line;
        this.renderingNpi = line.renderingProviderNpi() != null ? line.renderingProviderNpi() : claim.getRenderingNpi();
        this.wellFormed = Codes.isProcedureCode(line.procedureCode());
    }

    public ClaimFact getClaim() { return claim; }
    public int getClaimSeq() { return claim.getSeq(); }
    public int getIndex() { return index; }
    /** JSON path of this line in the input, e.g. {@code $.lines[2]}. */
    public String getPath() { return "$.lines[" + index + "]"; }
    public Integer getLineNumber() { return line.lineNumber(); }
    public String getPatientId() { return claim.getPatientId(); }
    public String getClaimType() { return claim.getClaimType(); }
    public String getClaimId() { return claim.getClaimId(); }
    /** Input order across the batch: claim first, then line position; lets a rule pick the first line of a group. */
    public long getOrder() { return ((long) claim.getSeq() << 16) | index; }
    /** Days in the line's date span (1 for a single day); 0 when the dates are missing or reversed. */
    public int getDays() {
        if (line.serviceDate() == null || line.lastServiceDate().isBefore(line.serviceDate())) {
            return 0;
        }
        return (int) (line.lastServiceDate().toEpochDay() - line.serviceDate().toEpochDay()) + 1;
    }
    public boolean isSingleDay() { return getDays() == 1; }
    public boolean hasModifier(String modifier) { return modifier != null && line.modifiers().contains(modifier); }
    public LocalDate getServiceDate() { return line.serviceDate(); }
    /** As submitted (may be null); see {@link #getLastServiceDate()} for the defaulted value. */
    public LocalDate getServiceDateTo() { return line.serviceDateTo(); }
    public LocalDate getLastServiceDate() { return line.lastServiceDate(); }
    public String getProcedureCode() { return line.procedureCode(); }
    public List<String> getModifiers() { return line.modifiers(); }
    public Integer getUnits() { return line.units(); }
    public BigDecimal getCharge() { return line.charge(); }
    public List<Integer> getDiagnosisPointers() { return line.diagnosisPointers(); }
    public String getRenderingNpi() {
        return renderingNpi;
    }
    public String getPlaceOfService() {
        return line.placeOfService() != null ? line.placeOfService() : claim.getPlaceOfService();
    }
    /** The diagnoses this line points to (normalised), or all of the claim's when it has no pointers. */
    public List<String> getDiagnosisCodes() {
        List<String> all = claim.getDiagnoses();
        if (line.diagnosisPointers().isEmpty()) {
            return all;
        }
        return line.diagnosisPointers().stream().filter(p -> p != null && p >= 1 && p <= all.size())
                .map(p -> all.get(p - 1)).toList();
    }

    public boolean isProcedureCodeWellFormed() { return wellFormed; }

    /** Pointers that name no diagnosis of the claim (pointers count from 1). */
    public List<Integer> getInvalidPointers() {
        if (invalidPointers == null) {
            int n = claim.getDiagnosisCount();
            List<Integer> bad = List.of();
            for (Integer p : line.diagnosisPointers()) {
                if (p == null || p < 1 || p > n) {
                    bad = bad.isEmpty() ? new ArrayList<>(2) : bad;
                    bad.add(p);
                }
            }
            invalidPointers = bad;
        }
        return invalidPointers;
    }

    // Problem lists, each computed once per fact from the run's look-ups (see FactChecks): rules guard on them
    // in the pattern so lines without a problem stop in the alpha network.

    /** The line's CPT/HCPCS code when it is not valid or not covered on the date of service (CodeChecks). */
    public List<HcpcsStatus> getProcedureProblems() {
        if (procedureProblems == null) {
            CodeChecks codes = claim.getChecks().codes();
            procedureProblems = codes == null ? List.of() : codes.procedureProblems(this);
        }
        return procedureProblems;
    }

    /** Sex edits the procedure breaks for the patient's sex. */
    public List<DemographicEdits.Edit> getSexConflicts() {
        if (sexConflicts == null) {
            CodeChecks codes = claim.getChecks().codes();
            sexConflicts = codes == null ? List.of() : codes.sexConflicts(this);
        }
        return sexConflicts;
    }

    /** Modifiers that are neither CPT nor HCPCS Level II modifiers. */
    public List<String> getUnknownModifiers() {
        if (unknownModifiers == null) {
            CodeChecks codes = claim.getChecks().codes();
            unknownModifiers = codes == null ? List.of() : codes.unknownModifiers(this);
        }
        return unknownModifiers;
    }

    /** The MUEs of the line's code on its date of service (NcciEdits.mue). */
    public List<MueLimit> getMueLimits() {
        if (mueLimits == null) {
            NcciEdits ncci = claim.getChecks().ncci();
            mueLimits = ncci == null ? List.of() : ncci.mue(this);
        }
        return mueLimits;
    }

    private List<Integer> invalidPointers;
    private List<HcpcsStatus> procedureProblems;
    private List<DemographicEdits.Edit> sexConflicts;
    private List<String> unknownModifiers;
    private List<MueLimit> mueLimits;

    @Override
    public String toString() {
        return "LineFact[" + claim.getClaimId() + "#" + line.lineNumber() + " " + line.procedureCode() + "]";
    }
}
