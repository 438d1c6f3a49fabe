package org.claimauditor.ncci;

import org.claimauditor.engine.fact.LineFact;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The sentences NCCI findings say to a coder; kept here so the DRL rules stay a few lines each. */
public final class NcciText {

    private NcciText() { }

    // ---- PTP ----------------------------------------------------------------------------------------

    public static String ptp(PtpEdit e, LineFact column1, LineFact column2, String bypass) {
        String head = e.column2() + " (line " + column2.getLineNumber() + ") is bundled into " + e.column1() + " (line "
                + column1.getLineNumber() + otherClaim(column1, column2) + ") on " + column2.getServiceDate()
                + " (NCCI PTP, modifier indicator " + e.modifierIndicator() + ", rationale: " + e.rationale() + ")";
        if (e.modifierIndicator() == '0') {
            return head + "; no modifier allows these two codes together.";
        }
        if (bypass == null) {
            return head + " and no NCCI-associated modifier is reported.";
        }
        return head + "; the edit is bypassed by modifier " + bypass + ".";
    }

    public static String ptpSuggestion(PtpEdit e, LineFact column2, String bypass) {
        if (e.modifierIndicator() == '0') {
            return "Remove line " + column2.getLineNumber() + " (" + e.column2() + "): the pair is never paid together, "
                    + "whatever the modifier.";
        }
        if (bypass == null) {
            return "If the services were distinct (separate session, site, organ or lesion), append XE, XS, XP or XU "
                    + "(or 59) to " + e.column2() + " and document why; otherwise remove line " + column2.getLineNumber() + ".";
        }
        return "Confirm the record documents a distinct service that justifies modifier " + bypass
                + " (59 and X modifiers are a frequent audit target).";
    }

    private static String otherClaim(LineFact column1, LineFact column2) {
        return column1.getClaimSeq() == column2.getClaimSeq() ? "" : " of claim " + column1.getClaimId();
    }

    // ---- MUE ----------------------------------------------------------------------------------------

    public static String mueLine(MueLimit m, LineFact line) {
        int days = Math.max(1, line.getDays());
        String limit = days == 1 ? "the MUE is " + m.value() : "it spans " + days + " days, and at the MUE of " + m.value()
                + " per day that allows " + (long) m.value() * days;
        return "Line " + line.getLineNumber() + " reports " + line.getUnits() + " units of " + m.code() + "; " + limit
                + " (" + label(m) + ", MAI " + m.maiText() + ", rationale: " + m.rationale() + ")."
                + (m.lineEdit() ? " All units on the line are denied." : "");
    }

    public static String mueLineSuggestion(MueLimit m, LineFact line) {
        return "Correct the units on line " + line.getLineNumber() + ". If more units were medically necessary at separate "
                + "sessions or sites, report them on separate lines with 59, XE, XS, XP, XU, 76, 77, 91 or anatomic modifiers.";
    }

    public static String mueDay(MueLimit m, LineFact first, List<?> lines, Number total) {
        String where = lines.stream().map(LineFact.class::cast)
                .sorted(java.util.Comparator.comparingLong(LineFact::getOrder))
                .map(l -> l.getClaimId() + " line " + l.getLineNumber())
                .collect(Collectors.joining(", "));
        String head = total + " units of " + m.code() + " on " + first.getServiceDate() + " by provider "
                + first.getRenderingNpi() + " (" + where + ") exceed the MUE of " + m.value() + " per day ("
                + label(m) + ", MAI " + m.maiText() + ", rationale: " + m.rationale() + ").";
        return head + (m.policyLimit()
                ? " MAI 2 is an absolute policy limit: units above " + m.value() + " are never payable."
                : " MAI 3 is a clinical limit: units above " + m.value() + " are denied but may be paid on appeal with documentation.");
    }

    public static String mueDaySuggestion(MueLimit m, Number total) {
        return m.policyLimit()
                ? "Report no more than " + units(m.value()) + " of " + m.code() + " for the day; the excess cannot be paid, even on appeal."
                : "Correct the units to " + m.value() + " or fewer, or keep records showing the medical necessity of "
                        + units(total.intValue()) + " ready for an appeal.";
    }

    private static String label(MueLimit m) {
        return m.policySource() == null ? "NCCI " + m.table() + " MUE" : m.table() + " policy " + m.version() + " overriding the NCCI MUE";
    }

    private static String units(int n) {
        return n == 1 ? "1 unit" : n + " units";
    }

    /** Share of the charges at risk on a date-of-service MUE: the units above the limit out of all units. */
    public static double excessShare(MueLimit m, Number total) {
        double t = total.doubleValue();
        return t <= 0 ? 0 : Math.max(0, t - m.value()) / t;
    }

    // ---- Add-on codes -------------------------------------------------------------------------------

    public static String addOn(AddOnEdit e, LineFact line) {
        return line.getProcedureCode() + " on line " + line.getLineNumber() + " is an add-on code (NCCI AOC edit type "
                + e.editType() + ") and no primary code for it is reported for this patient by the same practitioner ("
                + line.getRenderingNpi() + ") on " + line.getServiceDate() + ".";
    }

    public static String addOnSuggestion(AddOnEdit e, LineFact line) {
        return "Report the primary procedure (" + e.primariesHint() + ") by the same practitioner on the same date, "
                + "or remove line " + line.getLineNumber() + ".";
    }

    public static String addOnUndefined(AddOnEdit e, LineFact line) {
        return line.getProcedureCode() + " on line " + line.getLineNumber() + " is a type " + e.editType()
                + " add-on code whose primary codes the payer defines, and no payer policy lists them for payer "
                + Objects.requireNonNullElse(line.getClaim().getPayerId(), "(none)") + ", so its primary cannot be checked.";
    }

    public static String addOnUndefinedSuggestion(AddOnEdit e) {
        return "Check the payer's add-on code policy for the primaries of " + e.addOnCode()
                + " and add them to the payer's policy file as an add-on-primaries entry.";
    }
}
