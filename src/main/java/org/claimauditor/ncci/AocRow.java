package org.claimauditor.ncci;

import java.time.LocalDate;

/**
 * One row of the NCCI add-on code table ({@code AOC_V<yyyy>Q<q>-MCR.xlsx}); Julian {@code YYYYDDD} dates
 * decoded, blank or {@code *} deletion dates as null.
 *
 * @param editType    1 primaries listed, 2 contractor defines primaries, 3 some listed and contractor may add
 * @param primaryCode the primary code, or {@code CCCCC} for "contractor defined"
 * @param row         1-based spreadsheet row in {@code file}
 */
public record AocRow(int editType, String addOnCode, LocalDate addOnDeletion, String primaryCode,
                     LocalDate primaryDeletion, LocalDate effective, LocalDate deletion, String notes,
                     String file, int row) {

    public static final String CONTRACTOR_DEFINED = "CCCCC";
}
