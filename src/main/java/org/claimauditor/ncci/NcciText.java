package org.claimauditor.ncci;

import org.claimauditor.engine.fact.LineFact;
import org.claimauditor.engine.fact.MueDaySum;
import org.claimauditor.engine.fact.NcciQuarterGap;

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

    public static String mueDay(MueDaySum s) {
        MueLimit m = s.limit();
        LineFact first = s.first();
        String head = s.units() + " units of " + m.code() + " on " + first.getServiceDate() + " by provider "
                + first.getRenderingNpi() + " (" + where(s.lines()) + ") exceed the MUE of " + m.value() + " per day ("
                + label(m) + ", MAI " + m.maiText() + ", rationale: " + m.rationale() + ").";
        List<LineFact> paid = s.lines().stream().filter(l -> !s.denied().contains(l)).toList();
        // CMS denies every unit of the code on the claim that takes the day over the MUE (MueDaySum.getDenied)
        String denied = " All units on " + where(s.denied()) + " are denied, not only the excess"
                + (paid.isEmpty() ? "" : " (" + where(paid) + ": adjudicated first, within the limit)") + ".";
        return head + denied + (m.policyLimit()
                ? " MAI 2 is an absolute policy limit, never payable above " + m.value() + "."
                : " MAI 3 is a clinical limit: the denial may be paid on appeal with documentation.");
    }

    /** "C-1 line 1, C-2 line 3" in input order. */
    private static String where(List<LineFact> lines) {
        return lines.stream().sorted(java.util.Comparator.comparingLong(LineFact::getOrder))
                .map(l -> l.getClaimId() + " line " + l.getLineNumber())
                .collect(Collectors.joining(", "));
    }

    public static String mueDaySuggestion(MueLimit m, Number total) {
        return m.policyLimit()
                ? "Report no more than " + units(m.value()) + " of " + m.code() + " for the day; the excess cannot be paid, even on appeal."
                : "Correct the units to " + m.value() + " or fewer for the day, or keep records showing the medical necessity of "
                        + units(total.intValue()) + " ready for an appeal.";
    }

    private static String label(MueLimit m) {
        return m.policySource() == null ? "NCCI " + m.table() + " MUE" : m.table() + " policy " + m.version() + " overriding the NCCI MUE";
    }

    private static String units(int n) {
        return n == 1 ? "1 unit" : n + " units";
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

    // ---- Quarters -----------------------------------------------------------------------------------

    public static String quarterGap(NcciQuarterGap g) {
        // the quarters by version only (their periods are in the source), so the message stays a sentence or two
        String applied = g.applied().stream().map(u -> u.table() + " " + u.version()).collect(Collectors.joining(", "));
        if (g.afterNewest()) {
            return lineList(g.lines()) + ": dated in " + g.quarter().quarterName() + ", after the newest NCCI quarter "
                    + "loaded; judged against the newest (" + applied + ").";
        }
        return lineList(g.lines()) + ": no NCCI quarter loaded for " + g.quarter().quarterName() + "; judged against "
                + "the next later one (" + applied + "). MUE values carry no dates and may have differed then.";
    }

    public static String quarterGapSuggestion(NcciQuarterGap g) {
        QuarterPeriod q = g.quarter();
        String mmddyyyy = String.format(java.util.Locale.ROOT, "%02d-%02d-%d", q.from().getMonthValue(),
                q.from().getDayOfMonth(), q.from().getYear());
        List<String> files = new java.util.ArrayList<>();
        for (NcciEdits.QuarterUse u : g.applied()) {
            String t = u.table();
            String name = t.equals("practitioner PTP") ? "ccipra-" + QuarterPeriod.ptpVersionOf(q) + "r*-f*.txt"
                    : t.equals("outpatient hospital PTP") ? "ccioph-" + QuarterPeriod.ptpVersionOf(q) + "r*-f*.txt"
                    : t.equals("practitioner MUE") ? "MCR_MUE_PractitionerServices_Eff_" + mmddyyyy + ".csv"
                    : t.equals("outpatient hospital MUE") ? "MCR_MUE_OutpatientHospitalServices_Eff_" + mmddyyyy + ".csv"
                    : t.equals("DME supplier MUE") ? "MCR_MUE_DMESupplierServices_Eff_" + mmddyyyy + ".csv"
                    : "AOC_V" + q.from().getYear() + "Q" + q.quarterName().charAt(q.quarterName().length() - 1) + "-MCR.xlsx";
            files.add(name);
        }
        return (g.afterNewest() ? "When CMS publishes them, add" : "Add") + " the NCCI files of " + q.quarterName()
                + " to the NCCI folder (" + String.join(", ", files) + ") and audit again.";
    }

    /** Where the quarters applied come from: each table and quarter, for the finding's source. */
    public static String quarterGapSource(NcciQuarterGap g) {
        return "NCCI quarters applied: " + g.applied().stream().map(Object::toString).collect(Collectors.joining("; "));
    }

    private static String lineList(List<LineFact> lines) {
        List<String> numbers = lines.stream().map(l -> String.valueOf(l.getLineNumber())).toList();
        return (numbers.size() == 1 ? "Line " : "Lines ") + String.join(", ", numbers);
    }
}
