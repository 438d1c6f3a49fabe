package org.claimauditor.claim;

import java.time.LocalDate;
import java.util.List;

/**
 * One coded claim as submitted (CMS-1500 / 837P, UB-04 / 837I or DME). Fields the input may omit are
 * null here; the CLAIM-REQUIRED-FIELD rule reports them, so a claim with gaps is still audited.
 */
public record Claim(
        String claimId,
        ClaimType claimType,
        String payerId,
        Patient patient,
        Provider billingProvider,
        Provider renderingProvider,
        String placeOfService,
        LocalDate receivedDate,
        List<String> diagnoses,
        List<ServiceLine> lines) {

    public Claim {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public enum ClaimType { PROFESSIONAL, INSTITUTIONAL, DME }

    public enum Sex { F, M, U }

    public record Patient(String id, LocalDate birthDate, Sex sex) { }

    public record Provider(String npi, String tin) { }

    public record ServiceLine(
            Integer lineNumber,
            LocalDate serviceDate,
            LocalDate serviceDateTo,
            String procedureCode,
            List<String> modifiers,
            Integer units,
            java.math.BigDecimal charge,
            List<Integer> diagnosisPointers,
            String renderingProviderNpi,
            String placeOfService) {

        public ServiceLine {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
            diagnosisPointers = diagnosisPointers == null ? List.of() : List.copyOf(diagnosisPointers);
        }

        /** The last date of service: {@code serviceDateTo} when given, else {@code serviceDate}. */
        public LocalDate lastServiceDate() {
            return serviceDateTo != null ? serviceDateTo : serviceDate;
        }
    }
}
