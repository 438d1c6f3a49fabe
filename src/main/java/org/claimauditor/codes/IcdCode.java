package org.claimauditor.codes;

import java.time.LocalDate;

/**
 * One row of a CMS ICD-10-CM order file: a code (no dot) of one fiscal year, billable or a header
 * (a category or subcategory that needs more characters), with its titles and where it was read.
 */
public record IcdCode(String code, boolean billable, String shortTitle, String longTitle, int fiscalYear,
                      String file, int line) {

    /** "A0100" → "A01.00"; codes of three characters have no dot. */
    public String dotted() {
        return dotted(code);
    }

    public static String dotted(String code) {
        return code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }

    /** ICD-10-CM fiscal year N runs from 1 October of N-1 to 30 September of N. */
    public static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    public static LocalDate fiscalYearStart(int fiscalYear) {
        return LocalDate.of(fiscalYear - 1, 10, 1);
    }

    public static LocalDate fiscalYearEnd(int fiscalYear) {
        return LocalDate.of(fiscalYear, 9, 30);
    }
}
