package org.claimauditor.ncci;

import java.util.ArrayList;
import java.util.List;

/**
 * The NCCI tables of one quarter (any may be absent). Immutable and shared by every audit; loaded once,
 * independently of the rules, so a rule reload does not re-read two million PTP rows.
 */
public record NcciTables(PtpTable ptpPractitioner, PtpTable ptpHospital, MueTable muePractitioner,
                         MueTable mueHospital, MueTable mueDme, AocTable aoc, List<String> problems,
                         int rowsRead, long loadMillis) {

    /** The user chose --no-ncci: nothing is applied and every result says so. */
    public static final NcciTables NONE = new NcciTables(null, null, null, null, null, null, List.of(), 0, 0);

    public NcciTables {
        problems = List.copyOf(problems);
    }

    public boolean applied() {
        return this != NONE && (ptpPractitioner != null || ptpHospital != null || muePractitioner != null
                || mueHospital != null || mueDme != null || aoc != null);
    }

    /** One line per table for each result's {@code referenceData}, e.g. "NCCI practitioner PTP v322r0 (1,745,210 edits)". */
    public List<String> describe() {
        if (!applied()) {
            return List.of("NCCI: not applied (--no-ncci)");
        }
        List<String> out = new ArrayList<>();
        if (ptpPractitioner != null) {
            out.add("NCCI practitioner PTP " + ptpPractitioner.version() + " (" + ptpPractitioner.size() + " edits)");
        }
        if (ptpHospital != null) {
            out.add("NCCI outpatient hospital PTP " + ptpHospital.version() + " (" + ptpHospital.size() + " edits)");
        }
        for (MueTable m : new MueTable[] {muePractitioner, mueHospital, mueDme}) {
            if (m != null) {
                out.add("NCCI " + m.name() + " MUE " + m.version() + " (" + m.size() + " codes)");
            }
        }
        if (aoc != null) {
            out.add("NCCI add-on codes " + aoc.version() + " (" + aoc.size() + " rows)");
        }
        return out;
    }

    public PtpTable ptpFor(String claimType) {
        if (claimType == null) {
            return null;
        }
        return switch (claimType) {
            case "PROFESSIONAL" -> ptpPractitioner;
            case "INSTITUTIONAL" -> ptpHospital;
            default -> null; // DME suppliers bill no PTP pairs in NCCI
        };
    }

    public MueTable mueFor(String claimType) {
        if (claimType == null) {
            return null;
        }
        return switch (claimType) {
            case "PROFESSIONAL" -> muePractitioner;
            case "INSTITUTIONAL" -> mueHospital;
            case "DME" -> mueDme;
            default -> null;
        };
    }
}
