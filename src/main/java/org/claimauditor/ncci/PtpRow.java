package org.claimauditor.ncci;

import java.time.LocalDate;

/**
 * One row of an NCCI PTP file (practitioner {@code ccipra-…} or outpatient hospital {@code ccioph-…}).
 *
 * @param deletion          null when the file says {@code *} (no deletion)
 * @param modifierIndicator '0' no modifier bypasses, '1' an NCCI-associated modifier bypasses, '9' not in force
 * @param line              1-based line in {@code file}
 */
public record PtpRow(String column1, String column2, boolean before1996, LocalDate effective, LocalDate deletion,
                     char modifierIndicator, String rationale, String file, int line) { }
