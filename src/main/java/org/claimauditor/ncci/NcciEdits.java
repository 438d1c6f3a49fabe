package org.claimauditor.ncci;

import org.claimauditor.codes.CodeRange;
import org.claimauditor.engine.fact.LineFact;
import org.claimauditor.policy.PayerPolicy;
import org.claimauditor.policy.PolicyEntry;

import java.util.ArrayList;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The DRL global {@code ncci}: table look-ups for a pair of lines or a line, choosing the table by claim type
 * (professional → practitioner, institutional → outpatient hospital, DME → DME supplier MUE). The rules stay
 * generic; the two million pairs stay data.
 */
public final class NcciEdits {

    /** NCCI PTP-associated modifiers (DOMAIN.md): anatomic, global surgery, and 27, 59, 91, X{EPSU}. */
    public static final Set<String> PTP_MODIFIERS = Set.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
            "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU");

    private final NcciTables tables;

    public NcciEdits(NcciTables tables) {
        this.tables = tables;
    }

    /** The NCCI setting of a claim type, as named in payer policies. */
    static String setting(String claimType) {
        return claimType == null ? "" : switch (claimType) {
            case "PROFESSIONAL" -> "practitioner";
            case "INSTITUTIONAL" -> "hospital";
            default -> "dme";
        };
    }

    /** Whether the line's payer policy applies the NCCI tables of the line's setting (no policy: NCCI as published). */
    private static boolean ncciApplies(LineFact l) {
        PayerPolicy p = l.getClaim().getPolicy();
        return p == null || p.appliesNcci(setting(l.getClaimType()));
    }

    /**
     * The PTP edit with {@code column1}'s code in column 1 and {@code column2}'s in column 2, in force on the
     * column 2 line's date of service; empty when none, or when its indicator is 9 (not in force).
     */
    public List<PtpEdit> ptp(LineFact column1, LineFact column2) {
        PtpTable table = tables.ptpFor(column2.getClaimType(), column2.getServiceDate());
        if (table == null || !Objects.equals(column1.getClaimType(), column2.getClaimType()) || !ncciApplies(column2)) {
            return List.of();
        }
        PtpEdit e = table.find(column1.getProcedureCode(), column2.getProcedureCode(), column2.getServiceDate());
        return e == null || e.modifierIndicator() == '9' ? List.of() : List.of(e);
    }

    /** 59 and X{EPSU} may be reported on either code of the pair for dates of service from this day (Medicare Part B). */
    public static final LocalDate EITHER_CODE_FROM = LocalDate.of(2019, 7, 1);

    private static final Set<String> DISTINCT_SERVICE = Set.of("59", "XE", "XS", "XP", "XU");
    private static final Set<String> ANATOMIC = Set.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI");

    /**
     * The PTP-associated modifier that bypasses the edit, or null. On the column 2 line any associated modifier
     * counts, except an anatomic one the column 1 line also carries (same site, so not a separate service);
     * on the column 1 line only 59/X{EPSU}, and only for dates of service from 2019-07-01.
     */
    public String bypassModifier(LineFact column1, LineFact column2) {
        for (String m : column2.getModifiers()) {
            if (PTP_MODIFIERS.contains(m) && !(ANATOMIC.contains(m) && column1.getModifiers().contains(m))) {
                return m;
            }
        }
        LocalDate dos = column2.getServiceDate();
        if (dos != null && !dos.isBefore(EITHER_CODE_FROM)) {
            for (String m : column1.getModifiers()) {
                if (DISTINCT_SERVICE.contains(m)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The MUE for the line: a payer policy's mue-override when one applies, else the NCCI table of its setting. */
    public List<MueLimit> mue(LineFact line) {
        PayerPolicy p = line.getClaim().getPolicy();
        if (p != null) {
            for (PolicyEntry e : p.entries("mue-override")) {
                if (e.inCodes(line.getProcedureCode()) && e.appliesTo(line)) {
                    return List.of(new MueLimit(line.getProcedureCode(), e.value(), e.mai(),
                            e.mai() + " (payer override)", e.description(), "payer " + p.name(), e.id(), p.fileName(), e.line(),
                            e.sourceText()));
                }
            }
        }
        if (!ncciApplies(line)) {
            return List.of();
        }
        MueTable table = tables.mueFor(line.getClaimType(), line.getServiceDate());
        MueLimit m = table == null ? null : table.find(line.getProcedureCode());
        return m == null ? List.of() : List.of(m);
    }

    /** The add-on edit for the line's code on its date of service; empty when it is not an add-on code then. */
    public List<AddOnEdit> addOn(LineFact line) {
        AocTable aoc = tables.aocFor(line.getServiceDate());
        if (aoc == null || !aoc.lists(line.getProcedureCode())
                || !"PROFESSIONAL".equals(line.getClaimType()) && !"INSTITUTIONAL".equals(line.getClaimType())
                || !ncciApplies(line)) {
            return List.of();
        }
        List<CodeRange> primaries = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        PayerPolicy p = line.getClaim().getPolicy();
        if (p != null) {
            for (PolicyEntry e : p.entries("add-on-primaries")) {
                if (e.definesAddOn(line.getProcedureCode()) && e.appliesTo(line)) {
                    primaries.addAll(e.codes());
                    sources.add(e.sourceText());
                }
            }
        }
        AddOnEdit e = aoc.find(line.getProcedureCode(), line.getServiceDate(), primaries,
                sources.isEmpty() ? null : String.join("; ", sources));
        return e == null ? List.of() : List.of(e);
    }

    /**
     * Whether a primary code for the add-on line is among {@code sameDay} (lines of the patient on that date):
     * by the same practitioner, or — for 99292 — 99291 by another practitioner of the same billing group.
     */
    public boolean hasPrimary(AddOnEdit edit, LineFact addOn, List<LineFact> sameDay) {
        for (LineFact other : sameDay) {
            if (other == addOn || !edit.accepts(other.getProcedureCode())) {
                continue;
            }
            if (Objects.equals(other.getRenderingNpi(), addOn.getRenderingNpi())) {
                return true;
            }
            if (AddOnEdit.CRITICAL_CARE_ADD_ON.equals(edit.addOnCode())
                    && AddOnEdit.CRITICAL_CARE_PRIMARY.equals(other.getProcedureCode())
                    && sameGroup(other, addOn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameGroup(LineFact a, LineFact b) {
        String tinA = a.getClaim().getClaim().billingProvider() == null ? null : a.getClaim().getClaim().billingProvider().tin();
        String tinB = b.getClaim().getClaim().billingProvider() == null ? null : b.getClaim().getClaim().billingProvider().tin();
        if (tinA != null && tinA.equals(tinB)) {
            return true;
        }
        return Objects.equals(a.getClaim().getBillingNpi(), b.getClaim().getBillingNpi());
    }

    /**
     * The quarters applied to {@code line} whose period does not hold its date of service, one per NCCI table its claim
     * type uses (professional: practitioner PTP and MUE, add-on codes; institutional: outpatient hospital PTP and MUE,
     * add-on codes; DME: DME supplier MUE) and its payer policy applies; empty when every table has its quarter.
     */
    public List<QuarterUse> quartersOutOfPeriod(LineFact line) {
        LocalDate dos = line.getServiceDate();
        String type = line.getClaimType();
        if (dos == null || type == null || !ncciApplies(line)) {
            return List.of();
        }
        List<QuarterUse> out = null;
        out = outOfPeriod(out, "PTP", tables.ptpQuarters(type).at(dos));
        out = outOfPeriod(out, "MUE", tables.mueQuarters(type).at(dos));
        if ("PROFESSIONAL".equals(type) || "INSTITUTIONAL".equals(type)) {
            out = outOfPeriod(out, "add-on code", tables.aocs().at(dos));
        }
        return out == null ? List.of() : out;
    }

    private static List<QuarterUse> outOfPeriod(List<QuarterUse> out, String table, Quarters.Choice<?> c) {
        if (c == null || c.fit() == Quarters.Fit.IN_PERIOD) {
            return out;
        }
        List<QuarterUse> list = out == null ? new ArrayList<>(3) : out;
        String name = table;
        if (c.table() instanceof PtpTable p) {
            name = p.name() + " PTP";
        } else if (c.table() instanceof MueTable m) {
            name = m.name() + " MUE";
        }
        list.add(new QuarterUse(name, c.quarter().version(), c.quarter().period(), c.fit() == Quarters.Fit.AFTER_NEWEST));
        return list;
    }

    /**
     * A table whose loaded quarters do not cover a date of service: {@code version} and {@code period} name the quarter
     * used instead, {@code afterNewest} whether the date is after the newest quarter's period.
     */
    public record QuarterUse(String table, String version, QuarterPeriod period, boolean afterNewest) {
        /** "practitioner PTP v322r0 (2026-07-01 to 2026-09-30)" */
        @Override
        public String toString() {
            return table + " " + version + " (" + period + ")";
        }
    }

    public NcciTables tables() {
        return tables;
    }
}
