package org.claimauditor.codes;

import java.time.LocalDate;

/**
 * A CPT code from a user-supplied list (CPT descriptors are AMA-licensed, so none ship with the auditor).
 *
 * @param effective   first day in force; null = since before any claim
 * @param termination last day in force; null = not terminated
 */
public record CptCode(String code, LocalDate effective, LocalDate termination, String file, int line) {

    public boolean validOn(LocalDate date) {
        return (effective == null || !date.isBefore(effective)) && (termination == null || !date.isAfter(termination));
    }
}
