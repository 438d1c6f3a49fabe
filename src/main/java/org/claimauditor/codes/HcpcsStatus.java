package org.claimauditor.codes;

import java.time.LocalDate;

/**
 * What the loaded code sets say about a procedure code or modifier on a date of service. One type for HCPCS
 * Level II codes, Level II modifiers and CPT (which is HCPCS Level I), so rules handle them alike.
 *
 * @param status        VALID; NOT_YET_EFFECTIVE / TERMINATED (in the code set, not in force on that date);
 *                      UNKNOWN (a file covering the date lacks it); NOT_COVERED (no file covers the date, or
 *                      only an excerpt does and lacks the code)
 * @param codeSystem    "HCPCS Level II", "HCPCS Level II modifier" or "CPT"
 * @param effectiveDate first day in force (HCPCS: the add date); null when unknown or not found
 * @param terminationDate last day in force; null when none or not found
 * @param description   short description (HCPCS); null for CPT
 * @param source        file and line the answer rests on, or which files were consulted
 */
public record HcpcsStatus(Status status, String codeSystem, String code, LocalDate dateOfService,
                          LocalDate effectiveDate, LocalDate terminationDate, String description, String source) {

    public enum Status { VALID, NOT_YET_EFFECTIVE, TERMINATED, UNKNOWN, NOT_COVERED }

    /** Wrong on that date: an ERROR finding. */
    public boolean isError() {
        return status == Status.NOT_YET_EFFECTIVE || status == Status.TERMINATED || status == Status.UNKNOWN;
    }

    /** Could not be checked against a code set: a WARNING (or, for CPT without a list, a reference-data note). */
    public boolean isNotCovered() {
        return status == Status.NOT_COVERED;
    }

    /** One sentence for a finding. */
    public String message() {
        String what = codeSystem + " " + code;
        return switch (status) {
            case VALID -> what + " is in force on " + dateOfService + ".";
            case NOT_YET_EFFECTIVE -> what + " is not yet in force on " + dateOfService + ": effective "
                    + effectiveDate + ".";
            case TERMINATED -> what + " was terminated on " + terminationDate + ", before the date of service "
                    + dateOfService + ".";
            case UNKNOWN -> what + " is not in " + source + ".";
            case NOT_COVERED -> what + " was checked for shape only: " + source + ".";
        };
    }
}
