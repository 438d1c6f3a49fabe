package org.claimauditor.ncci;

import org.claimauditor.codes.CodeRange;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An add-on code's edit in force on a date: its type, the primary codes the AOC table lists (in force that
 * day), whether the contractor (here: the payer policy) defines primaries, and the primaries a payer policy
 * adds for type 2 and 3 edits.
 */
public record AddOnEdit(String addOnCode, int editType, LocalDate dos, Set<String> listedPrimaries,
                        boolean contractorDefined, List<CodeRange> payerPrimaries, String payerSource, String version,
                        String file, List<Integer> rows) {

    /** Critical care: 99292 may be billed without 99291 when another practitioner of the group billed 99291. */
    public static final String CRITICAL_CARE_ADD_ON = "99292";
    public static final String CRITICAL_CARE_PRIMARY = "99291";

    public boolean accepts(String primary) {
        if (primary == null) {
            return false; // a line without a code is no primary (Set.copyOf sets reject contains(null))
        }
        return listedPrimaries.contains(primary)
                || (editType != 1 && payerPrimaries.stream().anyMatch(r -> r.contains(primary)));
    }

    /** True when neither the table nor a payer policy names any primary: the edit cannot be judged. */
    public boolean undefined() {
        return listedPrimaries.isEmpty() && (editType == 1 || payerPrimaries.isEmpty());
    }

    public String source() {
        String rowText = rows.size() == 1 ? "row " + rows.get(0) : "rows " + rows.get(0) + "-" + rows.get(rows.size() - 1);
        return "NCCI add-on code table " + version + ": " + addOnCode + ", edit type " + editType + " (" + file + " "
                + rowText + ")" + (payerSource == null ? "" : "; payer-defined primaries: " + payerSource);
    }

    /** A few primaries for the coder to look for, e.g. "99291, 99292 or one of 3 more". */
    public String primariesHint() {
        List<String> all = new java.util.ArrayList<>(listedPrimaries);
        if (editType != 1) {
            for (CodeRange r : payerPrimaries) {
                all.add(r.toString());
            }
        }
        all = all.stream().distinct().sorted().toList();
        if (all.isEmpty()) {
            return "a primary code the payer defines";
        }
        return all.size() <= 5 ? String.join(", ", all) : String.join(", ", all.subList(0, 5)) + " or one of " + (all.size() - 5) + " more";
    }
}
