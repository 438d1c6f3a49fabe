package org.claimauditor.bench;

import org.claimauditor.claim.Claim;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;
import org.claimauditor.ncci.AddOnEdit;
import org.claimauditor.ncci.AocTable;
import org.claimauditor.ncci.MueLimit;
import org.claimauditor.ncci.MueTable;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.ncci.PtpEdit;
import org.claimauditor.ncci.PtpTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A plain-Java reference checker of the NCCI PTP, MUE and AOC edits (no Drools), used only by the benchmark: the
 * engine's throughput is reported as a ratio of this one, and both must produce identical findings.
 *
 * <p>It reproduces the eight NCCI rules of {@code rules/ncci/*.drl} (NCCI-PTP-IND0, NCCI-PTP-PAIR,
 * NCCI-PTP-BYPASSED, NCCI-MUE-LINE, NCCI-MUE-DOS-POLICY, NCCI-MUE-DOS-CLINICAL, NCCI-AOC-NO-PRIMARY,
 * NCCI-AOC-UNDEFINED) with the table look-ups of {@link PtpTable#find}, {@link MueTable#find} and
 * {@link AocTable#find}, and the rest of {@code NcciEdits} / {@code LineFact} / {@code FindingSink} re-coded here:
 * <ul>
 *   <li>claims are grouped by patient id, as the engine runs one session per patient (a claim with no patient id
 *       is alone); date-of-service edits span the claims of a group;</li>
 *   <li>provider = line rendering NPI, else claim rendering NPI, else billing NPI; {@code null == null} matches,
 *       as Drools' {@code ==} does;</li>
 *   <li>a finding from {@code out.line} names the line's number (none when it has none); an MUE date-of-service
 *       finding ({@code out.onLines}) is one finding per claim that carries the denial (claims by received date,
 *       then input order; see {@code MueDaySum.getDenied}), naming that claim's lines;</li>
 *   <li>each line is judged by the tables of the quarter holding its date of service ({@link NcciTables#ptpFor},
 *       {@code mueFor}, {@code aocFor}; the quarter warnings are not NCCI edits and not reproduced).</li>
 * </ul>
 * Payer policies are not modelled: every claim is taken to be under a policy with no entries that applies all NCCI
 * tables (MEDICARE, and the default for payers without a policy file). History claims are not modelled either.
 */
public final class ReferenceChecker {

    public static final String PTP_IND0 = "NCCI-PTP-IND0";
    public static final String PTP_PAIR = "NCCI-PTP-PAIR";
    public static final String PTP_BYPASSED = "NCCI-PTP-BYPASSED";
    public static final String MUE_LINE = "NCCI-MUE-LINE";
    public static final String MUE_DOS_POLICY = "NCCI-MUE-DOS-POLICY";
    public static final String MUE_DOS_CLINICAL = "NCCI-MUE-DOS-CLINICAL";
    public static final String AOC_NO_PRIMARY = "NCCI-AOC-NO-PRIMARY";
    public static final String AOC_UNDEFINED = "NCCI-AOC-UNDEFINED";

    /** The rule ids this checker reproduces. */
    public static final Set<String> RULE_IDS = Set.of(PTP_IND0, PTP_PAIR, PTP_BYPASSED, MUE_LINE, MUE_DOS_POLICY,
            MUE_DOS_CLINICAL, AOC_NO_PRIMARY, AOC_UNDEFINED);

    /** NCCI PTP-associated modifiers: anatomic, global surgery, and 27, 59, 91, X{EPSU} (own copy, on purpose). */
    private static final Set<String> PTP_MODIFIERS = Set.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
            "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU");
    private static final Set<String> ANATOMIC = Set.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI");
    private static final Set<String> DISTINCT_SERVICE = Set.of("59", "XE", "XS", "XP", "XU");
    /** 59/X{EPSU} on the column 1 line bypass the edit for dates of service from 2019-07-01. */
    private static final long EITHER_CODE_FROM = LocalDate.of(2019, 7, 1).toEpochDay();

    private static final String CRITICAL_CARE_ADD_ON = "99292";
    private static final String CRITICAL_CARE_PRIMARY = "99291";

    /** Line positions in a patient group are packed below the day in a sort key. */
    private static final int POS_BITS = 22;
    private static final long POS_MASK = (1L << POS_BITS) - 1;

    private ReferenceChecker() { }

    /**
     * The NCCI findings of a batch, claims in input order ({@code claimIndex} = position in {@code claims}; a null
     * entry stands for an unreadable input and gets nothing). Findings come grouped by patient; their order is not
     * significant (compare with {@link #diff}).
     */
    public static List<RefFinding> check(NcciTables tables, List<Claim> claims) {
        int n = claims.size();
        List<RefFinding> out = new ArrayList<>();
        // patient groups as linked lists of claim indexes, in order of first appearance
        int[] next = new int[n];
        int[] tail = new int[n];
        boolean[] head = new boolean[n];
        Map<String, Integer> headOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Claim c = claims.get(i);
            next[i] = -1;
            if (c == null) {
                continue;
            }
            String patient = c.patient() == null ? null : c.patient().id();
            Integer h = patient == null ? null : headOf.putIfAbsent(patient, i);
            if (h == null) {
                head[i] = true;
                tail[i] = i;
            } else {
                next[tail[h]] = i;
                tail[h] = i;
            }
        }
        Group g = new Group(tables, claims, out);
        for (int i = 0; i < n; i++) {
            if (head[i]) {
                g.run(i, next);
            }
        }
        return out;
    }

    /** The engine's results in the same shape: the findings of the eight NCCI rules, line numbers sorted. */
    public static List<RefFinding> fromResults(List<AuditResult> results) {
        List<RefFinding> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            for (Finding f : results.get(i).findings()) {
                if (RULE_IDS.contains(f.ruleId())) {
                    List<Integer> lines = new ArrayList<>(f.lineNumbers());
                    lines.sort(null);
                    out.add(new RefFinding(i, f.ruleId(), lines));
                }
            }
        }
        return out;
    }

    /**
     * Multiset comparison: "" when both lists hold the same findings (any order), else a readable description of
     * the first few differences.
     */
    public static String diff(List<RefFinding> expected, List<RefFinding> actual) {
        Map<RefFinding, Integer> count = new LinkedHashMap<>();
        for (RefFinding f : expected) {
            count.merge(f, 1, Integer::sum);
        }
        for (RefFinding f : actual) {
            count.merge(f, -1, Integer::sum);
        }
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        int missingTotal = 0;
        int extraTotal = 0;
        for (Map.Entry<RefFinding, Integer> e : count.entrySet()) {
            int c = e.getValue();
            if (c > 0) {
                missingTotal += c;
                if (missing.size() < 10) {
                    missing.add(e.getKey() + (c > 1 ? " (x" + c + ")" : ""));
                }
            } else if (c < 0) {
                extraTotal -= c;
                if (extra.size() < 10) {
                    extra.add(e.getKey() + (c < -1 ? " (x" + -c + ")" : ""));
                }
            }
        }
        if (missingTotal == 0 && extraTotal == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(expected.size()).append(" expected vs ").append(actual.size()).append(" actual findings");
        if (missingTotal > 0) {
            sb.append("\n  ").append(missingTotal).append(" expected but missing:");
            missing.forEach(m -> sb.append("\n    ").append(m));
            if (missingTotal > missing.size()) {
                sb.append("\n    ...");
            }
        }
        if (extraTotal > 0) {
            sb.append("\n  ").append(extraTotal).append(" not expected:");
            extra.forEach(m -> sb.append("\n    ").append(m));
            if (extraTotal > extra.size()) {
                sb.append("\n    ...");
            }
        }
        return sb.toString();
    }

    /** The lines of one patient group, in input order (claim, then line position), in reusable arrays. */
    private static final class Group {
        private final NcciTables tables;
        private final List<Claim> claims;
        private final List<RefFinding> out;

        private int size;
        private int[] claimIndex = new int[64];
        private Claim[] claim = new Claim[64];
        private Claim.ServiceLine[] line = new Claim.ServiceLine[64];
        private String[] npi = new String[64];
        private int[] days = new int[64];
        private long[] keys = new long[64];
        private int[] run = new int[64];
        private final List<Integer> numbers = new ArrayList<>();

        Group(NcciTables tables, List<Claim> claims, List<RefFinding> out) {
            this.tables = tables;
            this.claims = claims;
            this.out = out;
        }

        void run(int first, int[] next) {
            size = 0;
            for (int ci = first; ci >= 0; ci = next[ci]) {
                Claim c = claims.get(ci);
                String claimNpi = c.renderingProvider() != null && c.renderingProvider().npi() != null
                        ? c.renderingProvider().npi() : c.billingProvider() == null ? null : c.billingProvider().npi();
                List<Claim.ServiceLine> lines = c.lines();
                for (int li = 0; li < lines.size(); li++) {
                    Claim.ServiceLine l = lines.get(li);
                    if (size == line.length) {
                        grow();
                    }
                    claimIndex[size] = ci;
                    claim[size] = c;
                    line[size] = l;
                    npi[size] = l.renderingProviderNpi() != null ? l.renderingProviderNpi() : claimNpi;
                    days[size] = days(l);
                    size++;
                }
            }
            if (size > POS_MASK) {
                throw new IllegalArgumentException("too many lines for one patient: " + size);
            }
            int dated = 0;
            for (int p = 0; p < size; p++) {
                mueLine(p);
                LocalDate dos = line[p].serviceDate();
                if (dos != null) {
                    keys[dated++] = (dos.toEpochDay() << POS_BITS) | p;
                }
            }
            // same-day runs (same patient, same date of service), lines in input order within a run
            Arrays.sort(keys, 0, dated);
            int a = 0;
            while (a < dated) {
                long day = keys[a] >> POS_BITS;
                int b = a;
                int r = 0;
                while (b < dated && (keys[b] >> POS_BITS) == day) {
                    run[r++] = (int) (keys[b] & POS_MASK);
                    b++;
                }
                sameDay(r);
                a = b;
            }
        }

        private void grow() {
            int n = line.length * 2;
            claimIndex = Arrays.copyOf(claimIndex, n);
            claim = Arrays.copyOf(claim, n);
            line = Arrays.copyOf(line, n);
            npi = Arrays.copyOf(npi, n);
            days = Arrays.copyOf(days, n);
            keys = Arrays.copyOf(keys, n);
            run = Arrays.copyOf(run, n);
        }

        /** LineFact.getDays: days in the span, 1 for a single day, 0 when dates are missing or reversed. */
        private static int days(Claim.ServiceLine l) {
            LocalDate from = l.serviceDate();
            if (from == null || l.lastServiceDate().isBefore(from)) {
                return 0;
            }
            return (int) (l.lastServiceDate().toEpochDay() - from.toEpochDay()) + 1;
        }

        private static Claim.ClaimType type(Claim c) {
            return c.claimType();
        }

        private MueLimit mue(int p) {
            Claim.ClaimType t = type(claim[p]);
            if (t == null) {
                return null;
            }
            // the MUE file of the quarter holding the date of service (NcciTables picks it, as for the engine)
            MueTable table = tables.mueFor(t.name(), line[p].serviceDate());
            return table == null ? null : table.find(line[p].procedureCode());
        }

        /** NCCI-MUE-LINE: MAI 1 line, or any date-span line, against the MUE (per day of the span). */
        private void mueLine(int p) {
            Integer units = line[p].units();
            int d = days[p];
            if (units == null || d <= 0) {
                return;
            }
            MueLimit m = mue(p);
            if (m != null && (m.mai() == 1 || d > 1) && units > (long) m.value() * Math.max(1, d)) {
                lineFinding(MUE_LINE, p);
            }
        }

        /** The PTP, AOC and MUE date-of-service edits among the lines of one patient on one date of service. */
        private void sameDay(int r) {
            if (r > 1) {
                ptp(r);
            }
            if (!tables.aocs().isEmpty()) {
                for (int i = 0; i < r; i++) {
                    addOn(r, i);
                }
            }
            for (int i = 0; i < r; i++) {
                mueDay(r, i);
            }
        }

        private void ptp(int r) {
            for (int j = 0; j < r; j++) {
                int c2 = run[j];
                Claim.ClaimType t2 = type(claim[c2]);
                Claim.ServiceLine l2 = line[c2];
                PtpTable table = t2 == null ? null : tables.ptpFor(t2.name(), l2.serviceDate());
                if (table == null) {
                    continue;
                }
                for (int i = 0; i < r; i++) {
                    int c1 = run[i];
                    if (i == j || type(claim[c1]) != t2 || !Objects.equals(npi[c1], npi[c2])) {
                        continue;
                    }
                    PtpEdit e = table.find(line[c1].procedureCode(), l2.procedureCode(), l2.serviceDate());
                    if (e == null || e.modifierIndicator() == '9') {
                        continue;
                    }
                    if (e.modifierIndicator() != '1') {
                        lineFinding(PTP_IND0, c2);
                    } else {
                        lineFinding(bypassed(line[c1], l2) ? PTP_BYPASSED : PTP_PAIR, c2);
                    }
                }
            }
        }

        /**
         * Whether a PTP-associated modifier bypasses the edit: any on the column 2 line except an anatomic one the
         * column 1 line also carries; 59/X{EPSU} on the column 1 line from 2019-07-01.
         */
        private static boolean bypassed(Claim.ServiceLine column1, Claim.ServiceLine column2) {
            List<String> m2 = column2.modifiers();
            for (int k = 0; k < m2.size(); k++) {
                String m = m2.get(k);
                if (PTP_MODIFIERS.contains(m) && !(ANATOMIC.contains(m) && column1.modifiers().contains(m))) {
                    return true;
                }
            }
            if (column2.serviceDate().toEpochDay() >= EITHER_CODE_FROM) {
                List<String> m1 = column1.modifiers();
                for (int k = 0; k < m1.size(); k++) {
                    if (DISTINCT_SERVICE.contains(m1.get(k))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** NCCI-AOC-UNDEFINED and NCCI-AOC-NO-PRIMARY for the add-on line run[i]. */
        private void addOn(int r, int i) {
            int p = run[i];
            Claim.ClaimType t = type(claim[p]);
            if (t != Claim.ClaimType.PROFESSIONAL && t != Claim.ClaimType.INSTITUTIONAL) {
                return;
            }
            Claim.ServiceLine l = line[p];
            AocTable aoc = tables.aocFor(l.serviceDate());
            AddOnEdit e = aoc == null ? null : aoc.find(l.procedureCode(), l.serviceDate(), List.of(), null);
            if (e == null) {
                return;
            }
            if (e.undefined()) {
                lineFinding(AOC_UNDEFINED, p);
                return;
            }
            Set<String> listed = e.listedPrimaries();
            boolean criticalCare = CRITICAL_CARE_ADD_ON.equals(e.addOnCode());
            for (int k = 0; k < r; k++) {
                int o = run[k];
                if (k == i) {
                    continue;
                }
                String code = line[o].procedureCode();
                // AddOnEdit.accepts with no payer-defined primaries: a listed primary
                if (code == null || !listed.contains(code)) {
                    continue;
                }
                if (Objects.equals(npi[o], npi[p])) {
                    return;
                }
                if (criticalCare && CRITICAL_CARE_PRIMARY.equals(code) && sameGroup(claim[o], claim[p])) {
                    return;
                }
            }
            lineFinding(AOC_NO_PRIMARY, p);
        }

        /** Same billing group: same billing TIN, else same billing NPI. */
        private static boolean sameGroup(Claim a, Claim b) {
            String tinA = a.billingProvider() == null ? null : a.billingProvider().tin();
            String tinB = b.billingProvider() == null ? null : b.billingProvider().tin();
            if (tinA != null && tinA.equals(tinB)) {
                return true;
            }
            return Objects.equals(a.billingProvider() == null ? null : a.billingProvider().npi(),
                    b.billingProvider() == null ? null : b.billingProvider().npi());
        }

        /** Whether run[k] belongs to the MUE date-of-service group of run[i]: same code, claim type and provider. */
        private boolean sameUnitsGroup(int i, int k) {
            int p = run[i];
            int o = run[k];
            Claim.ServiceLine lo = line[o];
            return days[o] == 1 && lo.units() != null && Objects.equals(lo.procedureCode(), line[p].procedureCode())
                    && type(claim[o]) == type(claim[p]) && Objects.equals(npi[o], npi[p]);
        }

        /**
         * NCCI-MUE-DOS-POLICY / -CLINICAL, evaluated on the first line (input order) of its group: single-day lines
         * of the same code, claim type, provider and day, units summed; one finding per claim of the group.
         */
        private void mueDay(int r, int i) {
            int p = run[i];
            if (days[p] != 1 || line[p].units() == null) {
                return;
            }
            for (int k = 0; k < i; k++) {
                if (sameUnitsGroup(i, k)) {
                    return; // not the first line of its group
                }
            }
            MueLimit m = mue(p);
            if (m == null || (m.mai() != 2 && m.mai() != 3)) {
                return;
            }
            long total = 0;
            for (int k = i; k < r; k++) {
                if (sameUnitsGroup(i, k)) {
                    total += line[run[k]].units();
                }
            }
            if (total <= m.value()) {
                return;
            }
            String rule = m.mai() == 2 ? MUE_DOS_POLICY : MUE_DOS_CLINICAL;
            // CMS denies every line of the code on a claim whose units take the day over the MUE: claims in the order
            // they are adjudicated (received date, then input order), a denied claim's units not counted as paid
            Map<Integer, Long> unitsByClaim = new HashMap<>();
            for (int k = i; k < r; k++) {
                if (sameUnitsGroup(i, k)) {
                    unitsByClaim.merge(claimIndex[run[k]], (long) line[run[k]].units(), Long::sum);
                }
            }
            List<Integer> order = new ArrayList<>(unitsByClaim.keySet());
            order.sort(java.util.Comparator.comparing((Integer c) -> claims.get(c).receivedDate(),
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(c -> c));
            long paid = 0;
            for (int c : order) {
                long u = unitsByClaim.get(c);
                if (paid + u <= m.value()) {
                    paid += u;
                    continue;
                }
                numbers.clear();
                for (int k = i; k < r; k++) {
                    Integer number = line[run[k]].lineNumber();
                    if (sameUnitsGroup(i, k) && claimIndex[run[k]] == c && number != null) {
                        numbers.add(number);
                    }
                }
                emit(c, rule);
            }
        }

        private void emit(int claimIdx, String rule) {
            numbers.sort(null);
            out.add(new RefFinding(claimIdx, rule, numbers));
        }

        private void lineFinding(String rule, int p) {
            Integer number = line[p].lineNumber();
            out.add(new RefFinding(claimIndex[p], rule, number == null ? List.of() : List.of(number)));
        }
    }
}
