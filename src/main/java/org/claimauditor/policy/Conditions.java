package org.claimauditor.policy;

import org.claimauditor.codes.DxRange;
import org.claimauditor.engine.fact.LineFact;

import java.util.List;

/**
 * When a policy entry applies: every condition given must hold (an empty list means "any").
 * Diagnoses match when any diagnosis the line points to (else any on the claim) is in a range.
 */
public record Conditions(List<String> placeOfService, List<String> claimType, List<String> providerNpi,
                         List<String> providerTin, List<DxRange> diagnoses, Integer minAge, Integer maxAge,
                         String sex) {

    public static final Conditions ANY = new Conditions(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null);

    public Conditions {
        placeOfService = placeOfService == null ? List.of() : placeOfService;
        claimType = claimType == null ? List.of() : claimType;
        providerNpi = providerNpi == null ? List.of() : providerNpi;
        providerTin = providerTin == null ? List.of() : providerTin;
        diagnoses = diagnoses == null ? List.of() : diagnoses;
    }

    public boolean holdFor(LineFact l) {
        if (!placeOfService.isEmpty() && !listed(placeOfService, l.getPlaceOfService())) {
            return false;
        }
        if (!claimType.isEmpty() && !listed(claimType, l.getClaimType())) {
            return false;
        }
        if (!providerNpi.isEmpty() && !listed(providerNpi, l.getRenderingNpi())
                && !listed(providerNpi, l.getClaim().getBillingNpi())) {
            return false;
        }
        if (!providerTin.isEmpty() && !listed(providerTin, l.getClaim().getBillingTin())) {
            return false;
        }
        if (!diagnoses.isEmpty() && l.getDiagnosisCodes().stream().noneMatch(d -> diagnoses.stream().anyMatch(r -> r.contains(d)))) {
            return false;
        }
        Integer age = l.getClaim().getAgeAtService();
        if ((minAge != null || maxAge != null)
                && (age == null || (minAge != null && age < minAge) || (maxAge != null && age > maxAge))) {
            return false;
        }
        return sex == null || sex.equals(l.getClaim().getPatientSex());
    }

    /**
     * Whether a claim value is in a policy list. A missing value (reported by CLAIM-REQUIRED-FIELD) is in no list;
     * the null check matters because immutable lists throw on {@code contains(null)}.
     */
    static boolean listed(List<String> values, String value) {
        return value != null && values.contains(value);
    }
}
