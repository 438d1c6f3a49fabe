package org.claimauditor.codes;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the loaded ICD-10-CM order files say about a diagnosis on a date of service.
 *
 * @param status                VALID, HEADER (exists but needs more characters), NOT_IN_YEAR (the fiscal year of
 *                              the date is loaded and lacks the code), NOT_COVERED (that fiscal year is not loaded,
 *                              or only an excerpt of it is and the code is not in the excerpt)
 * @param code                  the code as looked up: upper case, no dot
 * @param fiscalYear            fiscal year of the date of service
 * @param title                 long title in that fiscal year; null when the code is not there
 * @param billableInFiscalYears loaded fiscal years in which the code is billable ("valid in FY2025")
 * @param billableCodesUnder    for a header: up to five billable codes that extend it in that fiscal year
 * @param loadedFiscalYears     every fiscal year loaded
 * @param source                file (and line) the answer rests on, for a finding's source
 */
public record IcdStatus(Status status, String code, LocalDate dateOfService, int fiscalYear, String title,
                        List<Integer> billableInFiscalYears, List<String> billableCodesUnder,
                        List<Integer> loadedFiscalYears, String source) {

    public enum Status { VALID, HEADER, NOT_IN_YEAR, NOT_COVERED }

    public IcdStatus {
        billableInFiscalYears = List.copyOf(billableInFiscalYears);
        billableCodesUnder = List.copyOf(billableCodesUnder);
        loadedFiscalYears = List.copyOf(loadedFiscalYears);
    }

    /** Wrong on that date: an ERROR finding. */
    public boolean isError() {
        return status == Status.HEADER || status == Status.NOT_IN_YEAR;
    }

    /** Could not be checked against the code set: a WARNING finding, never an ERROR. */
    public boolean isNotCovered() {
        return status == Status.NOT_COVERED;
    }

    public String dotted() {
        return IcdCode.dotted(code);
    }

    /** One sentence for a finding. */
    public String message() {
        String fy = "FY" + fiscalYear + " (" + IcdCode.fiscalYearStart(fiscalYear) + " to "
                + IcdCode.fiscalYearEnd(fiscalYear) + ")";
        return switch (status) {
            case VALID -> "ICD-10-CM " + dotted() + " is a billable code in " + fy + ".";
            case HEADER -> "ICD-10-CM " + dotted() + " (" + title + ") is a header in " + fy
                    + ", not a billable code: more characters are needed"
                    + (billableCodesUnder.isEmpty() ? "" : ", e.g. " + billableCodesUnder.stream()
                    .map(IcdCode::dotted).collect(Collectors.joining(", "))) + ".";
            case NOT_IN_YEAR -> "ICD-10-CM " + dotted() + " is not a code in " + fy + "; "
                    + (billableInFiscalYears.isEmpty()
                    ? "it is in none of the loaded fiscal years (" + years(loadedFiscalYears) + ")."
                    : "it is valid in " + years(billableInFiscalYears) + ".");
            case NOT_COVERED -> loadedFiscalYears.contains(fiscalYear)
                    ? "ICD-10-CM " + dotted() + " is not in the loaded excerpt of " + fy
                    + "; it was checked for shape only."
                    : "No ICD-10-CM order file is loaded for " + fy + "; loaded: "
                    + (loadedFiscalYears.isEmpty() ? "none" : years(loadedFiscalYears)) + ". " + dotted()
                    + " was checked for shape only.";
        };
    }

    private static String years(List<Integer> years) {
        return years.stream().map(y -> "FY" + y).collect(Collectors.joining(", "));
    }
}
