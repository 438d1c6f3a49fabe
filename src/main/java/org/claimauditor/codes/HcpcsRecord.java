package org.claimauditor.codes;

import java.time.LocalDate;

/**
 * A HCPCS Level II code or modifier of a CMS alpha-numeric file, its continuation lines already merged into
 * {@code longDescription}.
 *
 * @param modifier            record id 7/8 (a two-character modifier) rather than 3/4 (a procedure code)
 * @param addDate             when the code was added to HCPCS
 * @param actionEffectiveDate when the latest action ({@code actionCode}) took effect: a description or pricing
 *                            change, or for a discontinued code the day after its termination; not the start of
 *                            validity
 * @param terminationDate     last day the code may be billed; null when not terminated
 * @param actionCode          CMS action: A added, C/S/B/F/P changed, D discontinued, N no change, R reactivated
 */
public record HcpcsRecord(String code, boolean modifier, String shortDescription, String longDescription,
                          LocalDate addDate, LocalDate actionEffectiveDate, LocalDate terminationDate,
                          String actionCode, String file, int line) {

    /**
     * First day the code may be billed: its add date. The action effective date is only a fallback for a row
     * without an add date: for discontinued codes it is the day after termination, so it cannot mark a start.
     */
    public LocalDate validFrom() {
        return addDate != null ? addDate : actionEffectiveDate;
    }

    /** In force on {@code date}: from {@link #validFrom()} (if known) through the termination date (if any). */
    public boolean validOn(LocalDate date) {
        LocalDate from = validFrom();
        return (from == null || !date.isBefore(from)) && (terminationDate == null || !date.isAfter(terminationDate));
    }
}
