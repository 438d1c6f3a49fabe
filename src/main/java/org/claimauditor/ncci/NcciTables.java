package org.claimauditor.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The NCCI tables loaded from one folder: for each kind, every quarter found, each applied to the dates of service of
 * its period ({@link Quarters}). Immutable and shared by every audit; loaded once, independently of the rules, so a
 * rule reload does not re-read millions of PTP rows.
 *
 * @param notes files recognised but deliberately not loaded (an older revision of a quarter whose newer one is loaded)
 */
public record NcciTables(Quarters<PtpTable> ptpPractitioners, Quarters<PtpTable> ptpHospitals,
                         Quarters<MueTable> muePractitioners, Quarters<MueTable> mueHospitals,
                         Quarters<MueTable> mueDmes, Quarters<AocTable> aocs, List<String> problems,
                         List<String> notes, int rowsRead, long loadMillis) {

    /** The user chose --no-ncci: nothing is applied and every result says so. */
    public static final NcciTables NONE = new NcciTables(Quarters.none(), Quarters.none(), Quarters.none(),
            Quarters.none(), Quarters.none(), Quarters.none(), List.of(), List.of(), 0, 0);

    public NcciTables {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean applied() {
        return this != NONE && (!ptpPractitioners.isEmpty() || !ptpHospitals.isEmpty() || !muePractitioners.isEmpty()
                || !mueHospitals.isEmpty() || !mueDmes.isEmpty() || !aocs.isEmpty());
    }

    // The newest quarter of each kind: what a folder of one quarter holds (tools and tests); audits choose by date.
    public PtpTable ptpPractitioner() { return ptpPractitioners.newest(); }
    public PtpTable ptpHospital() { return ptpHospitals.newest(); }
    public MueTable muePractitioner() { return muePractitioners.newest(); }
    public MueTable mueHospital() { return mueHospitals.newest(); }
    public MueTable mueDme() { return mueDmes.newest(); }
    public AocTable aoc() { return aocs.newest(); }

    /**
     * One line per quarter of each table for each result's {@code referenceData}, e.g.
     * "NCCI practitioner PTP v322r0 (1,745,210 edits) for dates of service 2026-07-01 to 2026-09-30".
     */
    public List<String> describe() {
        if (!applied()) {
            return List.of("NCCI: not applied (--no-ncci)");
        }
        List<String> out = new ArrayList<>();
        for (Quarters.Quarter<PtpTable> q : ptpPractitioners.all()) {
            out.add("NCCI practitioner PTP " + q.version() + " (" + q.table().size() + " edits)" + dates(q));
        }
        for (Quarters.Quarter<PtpTable> q : ptpHospitals.all()) {
            out.add("NCCI outpatient hospital PTP " + q.version() + " (" + q.table().size() + " edits)" + dates(q));
        }
        for (Quarters<MueTable> kind : List.of(muePractitioners, mueHospitals, mueDmes)) {
            for (Quarters.Quarter<MueTable> q : kind.all()) {
                out.add("NCCI " + q.table().name() + " MUE " + q.version() + " (" + q.table().size() + " codes)" + dates(q));
            }
        }
        for (Quarters.Quarter<AocTable> q : aocs.all()) {
            out.add("NCCI add-on codes " + q.version() + " (" + q.table().size() + " rows)" + dates(q));
        }
        out.addAll(notes);
        return out;
    }

    private static String dates(Quarters.Quarter<?> q) {
        return " for dates of service " + q.period();
    }

    public Quarters<PtpTable> ptpQuarters(String claimType) {
        if (claimType == null) {
            return Quarters.none();
        }
        return switch (claimType) {
            case "PROFESSIONAL" -> ptpPractitioners;
            case "INSTITUTIONAL" -> ptpHospitals;
            default -> Quarters.none(); // DME suppliers bill no PTP pairs in NCCI
        };
    }

    public Quarters<MueTable> mueQuarters(String claimType) {
        if (claimType == null) {
            return Quarters.none();
        }
        return switch (claimType) {
            case "PROFESSIONAL" -> muePractitioners;
            case "INSTITUTIONAL" -> mueHospitals;
            case "DME" -> mueDmes;
            default -> Quarters.none();
        };
    }

    /** The PTP table applied to a line of {@code claimType} on {@code dos}; null when none. */
    public PtpTable ptpFor(String claimType, LocalDate dos) {
        Quarters.Choice<PtpTable> c = ptpQuarters(claimType).at(dos);
        return c == null ? null : c.table();
    }

    /** The MUE table applied to a line of {@code claimType} on {@code dos}; null when none. */
    public MueTable mueFor(String claimType, LocalDate dos) {
        Quarters.Choice<MueTable> c = mueQuarters(claimType).at(dos);
        return c == null ? null : c.table();
    }

    /** The add-on code table applied on {@code dos}; null when none. */
    public AocTable aocFor(LocalDate dos) {
        Quarters.Choice<AocTable> c = aocs.at(dos);
        return c == null ? null : c.table();
    }
}
