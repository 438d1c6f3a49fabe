package org.claimauditor.pipeline.source.csv;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The columns of a CSV claim extract, named by the JSON field paths of the claim format (docs/csv-input.md).
 * Claim columns are repeated on every row of the claim; line columns describe the row's service line and may
 * also be written with the {@code lines.} prefix ({@code lines.units}). The line's place of service is always
 * {@code lines.placeOfService}, because {@code placeOfService} is the claim's.
 */
enum CsvColumn {
    CLAIM_ID("claimId", false),
    CLAIM_TYPE("claimType", false),
    PAYER_ID("payerId", false),
    PATIENT_ID("patient.id", false),
    PATIENT_BIRTH_DATE("patient.birthDate", false),
    PATIENT_SEX("patient.sex", false),
    BILLING_NPI("billingProvider.npi", false),
    BILLING_TIN("billingProvider.tin", false),
    BILLING_TAXONOMY("billingProvider.taxonomy", false),
    RENDERING_NPI("renderingProvider.npi", false),
    RENDERING_TIN("renderingProvider.tin", false),
    PLACE_OF_SERVICE("placeOfService", false),
    RECEIVED_DATE("receivedDate", false),
    DIAGNOSES("diagnoses", false),
    LINE_NUMBER("lineNumber", true),
    SERVICE_DATE("serviceDate", true),
    SERVICE_DATE_TO("serviceDateTo", true),
    PROCEDURE_CODE("procedureCode", true),
    MODIFIERS("modifiers", true),
    UNITS("units", true),
    CHARGE("charge", true),
    DIAGNOSIS_POINTERS("diagnosisPointers", true),
    LINE_RENDERING_NPI("renderingProviderNpi", true),
    LINE_PLACE_OF_SERVICE("lines.placeOfService", true);

    final String header;
    final boolean line;

    CsvColumn(String header, boolean line) {
        this.header = header;
        this.line = line;
    }

    /** The column a header cell names (any case, line columns also with {@code lines.}), or null. */
    static CsvColumn named(String cell) {
        String h = cell.strip().toLowerCase(Locale.ROOT);
        for (CsvColumn c : values()) {
            String name = c.header.toLowerCase(Locale.ROOT);
            if (h.equals(name) || c.line && h.equals("lines." + name)) {
                return c;
            }
        }
        return null;
    }

    static String known() {
        return Arrays.stream(values()).map(c -> c.header).collect(Collectors.joining(", "));
    }
}
