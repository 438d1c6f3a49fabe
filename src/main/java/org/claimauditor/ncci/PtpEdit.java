package org.claimauditor.ncci;

import java.time.LocalDate;

/** A PTP edit in force for a pair of lines, with where it comes from (for the finding's source). */
public record PtpEdit(String column1, String column2, LocalDate effective, LocalDate deletion, char modifierIndicator,
                      String rationale, String table, String version, String file, int line) {

    /** Indicator 1: an NCCI PTP-associated modifier may bypass the edit. */
    public boolean isModifierAllowed() {
        return modifierIndicator == '1';
    }

    /** "NCCI practitioner PTP v322r0: 97140/97110, effective 2002-01-01 (ccipra-v322r0-f2.txt line 12345)" */
    public String source() {
        return "NCCI " + table + " PTP " + version + ": " + column1 + "/" + column2 + ", effective " + effective
                + (deletion == null ? "" : ", deleted after " + deletion) + " (" + file + " line " + line + ")";
    }
}
