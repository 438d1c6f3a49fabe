package org.claimauditor.ncci;

import org.claimauditor.engine.fact.AddOnLine;
import org.claimauditor.engine.fact.ClaimFact;
import org.claimauditor.engine.fact.LineFact;
import org.claimauditor.engine.fact.MueDaySum;
import org.claimauditor.engine.fact.NcciQuarterGap;
import org.claimauditor.engine.fact.PtpCandidate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Prepares the facts the NCCI date-of-service rules match, the way a hand-written checker would: a session's lines
 * grouped by patient and date of service, then per day the PTP pairs found in the tables ({@link PtpCandidate}),
 * the unit sums per code and provider that have an MUE ({@link MueDaySum}) and the add-on lines with the day's lines
 * ({@link AddOnLine}). Drools would otherwise build a tuple for every two lines of a day in each of these rules; here
 * it gets one small fact per candidate. Which table applies — by claim type, and by the quarter holding each line's
 * date of service — and the look-ups are {@link NcciEdits}'; lines whose date no loaded quarter covers also give an
 * {@link NcciQuarterGap}. The rules decide what a candidate means.
 */
public final class NcciCandidates {

    private static final Comparator<LineFact> INPUT_ORDER = Comparator.comparingLong(LineFact::getOrder);

    private NcciCandidates() { }

    private record Day(String patientId, LocalDate date) { }

    /** The candidate facts for {@code lines} (every line of a session, history included). */
    public static List<Object> of(NcciEdits ncci, List<LineFact> lines) {
        Map<Day, List<LineFact>> days = new HashMap<>();
        for (LineFact l : lines) {
            if (l.getServiceDate() != null) {
                days.computeIfAbsent(new Day(l.getPatientId(), l.getServiceDate()), d -> new ArrayList<>(4)).add(l);
            }
        }
        List<Object> facts = new ArrayList<>();
        quarterGaps(ncci, lines, facts);
        for (List<LineFact> day : days.values()) {
            day.sort(INPUT_ORDER);
            List<LineFact> sameDay = List.copyOf(day);
            if (sameDay.size() > 1) {
                ptp(ncci, sameDay, facts);
            }
            for (LineFact l : sameDay) {
                for (AddOnEdit e : ncci.addOn(l)) {
                    facts.add(new AddOnLine(l, e, sameDay));
                }
            }
            mueDay(ncci, sameDay, facts);
        }
        return facts;
    }

    private record GapKey(ClaimFact claim, QuarterPeriod quarter, boolean afterNewest) { }

    /**
     * One {@link NcciQuarterGap} per claim, calendar quarter and side (no quarter loaded / after the newest) for the
     * lines whose date of service some table's loaded quarters do not cover; history lines get none (no result).
     */
    private static void quarterGaps(NcciEdits ncci, List<LineFact> lines, List<Object> facts) {
        Map<GapKey, List<LineFact>> gapLines = null;
        Map<GapKey, Set<NcciEdits.QuarterUse>> gapUses = null;
        for (LineFact l : lines) {
            if (l.getClaim().isHistory()) {
                continue;
            }
            for (NcciEdits.QuarterUse u : ncci.quartersOutOfPeriod(l)) {
                if (gapLines == null) {
                    gapLines = new LinkedHashMap<>();
                    gapUses = new HashMap<>();
                }
                GapKey key = new GapKey(l.getClaim(), QuarterPeriod.calendarQuarter(l.getServiceDate()), u.afterNewest());
                List<LineFact> named = gapLines.computeIfAbsent(key, k -> new ArrayList<>(2));
                if (named.isEmpty() || named.get(named.size() - 1) != l) {
                    named.add(l);
                }
                gapUses.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(u);
            }
        }
        if (gapLines != null) {
            for (Map.Entry<GapKey, List<LineFact>> e : gapLines.entrySet()) {
                GapKey k = e.getKey();
                facts.add(new NcciQuarterGap(k.claim(), List.copyOf(e.getValue()), k.quarter(), k.afterNewest(),
                        List.copyOf(gapUses.get(k))));
            }
        }
    }

    /** Every ordered pair of the day's lines by the same rendering provider in one claim type with an edit in force. */
    private static void ptp(NcciEdits ncci, List<LineFact> day, List<Object> facts) {
        for (LineFact column2 : day) {
            for (LineFact column1 : day) {
                if (column1 != column2 && Objects.equals(column1.getRenderingNpi(), column2.getRenderingNpi())
                        && Objects.equals(column1.getClaimType(), column2.getClaimType())) {
                    for (PtpEdit e : ncci.ptp(column1, column2)) {
                        facts.add(new PtpCandidate(column1, column2, e));
                    }
                }
            }
        }
    }

    /**
     * Single-day lines with units grouped by code, claim type and rendering provider; a group's MUE is the one of its
     * first line in input order ({@code day} is sorted so).
     */
    private static void mueDay(NcciEdits ncci, List<LineFact> day, List<Object> facts) {
        boolean[] taken = new boolean[day.size()];
        for (int i = 0; i < day.size(); i++) {
            LineFact first = day.get(i);
            if (taken[i] || !first.isSingleDay() || first.getUnits() == null) {
                continue;
            }
            List<LineFact> group = new ArrayList<>(2);
            long units = 0;
            for (int k = i; k < day.size(); k++) {
                LineFact o = day.get(k);
                if (!taken[k] && o.isSingleDay() && o.getUnits() != null
                        && Objects.equals(o.getProcedureCode(), first.getProcedureCode())
                        && Objects.equals(o.getClaimType(), first.getClaimType())
                        && Objects.equals(o.getRenderingNpi(), first.getRenderingNpi())) {
                    taken[k] = true;
                    group.add(o);
                    units += o.getUnits();
                }
            }
            // the line's own memo when it was built for these edits (the engine's case), so MUE-LINE does not look again
            List<MueLimit> limits = first.getClaim().getChecks().ncci() == ncci ? first.getMueLimits() : ncci.mue(first);
            for (MueLimit m : limits) {
                facts.add(new MueDaySum(first, List.copyOf(group), units, m,
                        units > m.value() ? denied(group, m.value()) : List.of()));
            }
        }
    }

    /** Claims in the order a contractor adjudicates them: prior (history) claims, then by received date, then input order. */
    static final Comparator<ClaimFact> ADJUDICATION = Comparator.comparing((ClaimFact c) -> !c.isHistory())
            .thenComparing(ClaimFact::getReceivedDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(ClaimFact::getSeq);

    /**
     * The lines a date-of-service MUE denies (CMS MUE FAQ): a claim's units of the code that day are added to the units
     * already paid on earlier claims; when the sum exceeds the MUE, every line of the code on that claim is denied (not
     * only the excess) and its units are not paid, else they are paid. So the claim that takes the day over the limit
     * carries the denial, and one claim over the limit on its own is denied whatever came before.
     */
    private static List<LineFact> denied(List<LineFact> group, int limit) {
        Map<ClaimFact, Long> unitsByClaim = new HashMap<>();
        for (LineFact l : group) {
            unitsByClaim.merge(l.getClaim(), (long) l.getUnits(), Long::sum);
        }
        List<ClaimFact> order = new ArrayList<>(unitsByClaim.keySet());
        order.sort(ADJUDICATION);
        long paid = 0;
        Set<ClaimFact> deniedClaims = new HashSet<>();
        for (ClaimFact c : order) {
            long u = unitsByClaim.get(c);
            if (paid + u > limit) {
                deniedClaims.add(c);
            } else {
                paid += u;
            }
        }
        List<LineFact> out = new ArrayList<>(group.size());
        for (LineFact l : group) {
            if (deniedClaims.contains(l.getClaim())) {
                out.add(l);
            }
        }
        return List.copyOf(out);
    }
}
