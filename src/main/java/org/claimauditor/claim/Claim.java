package org.claimauditor.claim;

import java.time.LocalDate;
import java.util.List;

/**
 * One coded claim as submitted (CMS-1500 / 837P, UB-04 / 837I or DME). Fields the input may omit are
 * null here; the CLAIM-REQUIRED-FIELD rule reports them, so a claim with gaps is still audited.
 * {@code frequencyCode} (CLM05-3: 1 original, 7 replacement, 8 void) and a line's {@code revenueCode} (UB-04 /
 * 837I SV2-01) are optional and carried for the reports; no rule reads them yet.
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
        List<ServiceLine> lines,
        String frequencyCode) {

    public Claim {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A claim without a frequency code (an original claim as most inputs give it). */
    public Claim(String claimId, ClaimType claimType, String payerId, Patient patient, Provider billingProvider,
                 Provider renderingProvider, String placeOfService, LocalDate receivedDate, List<String> diagnoses,
                 List<ServiceLine> lines) {
        this(claimId, claimType, payerId, patient, billingProvider, renderingProvider, placeOfService, receivedDate,
                diagnoses, lines, null);
    }

    public enum ClaimType { PROFESSIONAL, INSTITUTIONAL, DME }

    public enum Sex { F, M, U }

    public record Patient(String id, LocalDate birthDate, Sex sex) { }

    /**
     * {@code taxonomy}: the provider's NUCC taxonomy (specialty) code, optional (837 PRV-03, FHIR
     * {@code PractitionerRole.specialty}); the reports compare a provider with peers of the same specialty.
     */
    public record Provider(String npi, String tin, String taxonomy) {

        public Provider(String npi, String tin) {
            this(npi, tin, null);
        }
    }

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
            String placeOfService,
            String revenueCode) {

        public ServiceLine {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
            diagnosisPointers = diagnosisPointers == null ? List.of() : List.copyOf(diagnosisPointers);
        }

        /** A line without a revenue code (professional and DME lines have none). */
        public ServiceLine(Integer lineNumber, LocalDate serviceDate, LocalDate serviceDateTo, String procedureCode,
                           List<String> modifiers, Integer units, java.math.BigDecimal charge,
                           List<Integer> diagnosisPointers, String renderingProviderNpi, String placeOfService) {
            this(lineNumber, serviceDate, serviceDateTo, procedureCode, modifiers, units, charge, diagnosisPointers,
                    renderingProviderNpi, placeOfService, null);
        }

        /** The last date of service: {@code serviceDateTo} when given, else {@code serviceDate}. */
        public LocalDate lastServiceDate() {
            return serviceDateTo != null ? serviceDateTo : serviceDate;
        }
    }
}
