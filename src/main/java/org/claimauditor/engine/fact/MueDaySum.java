package org.claimauditor.engine.fact;

import org.claimauditor.ncci.MueLimit;

import java.util.List;

/**
 * The units of one code billed for a patient by one rendering provider on one date of service, on single-day lines
 * with units, in one claim type, over every claim of the session: the sum an MUE date-of-service edit (MAI 2, 3)
 * compares with its limit. {@code first} is the group's first line in input order, {@code limit} the MUE for it
 * (a payer override or the NCCI table of the quarter of the date); groups without an MUE get no fact. Prepared in
 * Java ({@code NcciCandidates}).
 */
public record MueDaySum(LineFact first, List<LineFact> lines, long units, MueLimit limit, List<LineFact> denied) {
    public LineFact getFirst() { return first; }
    public List<LineFact> getLines() { return lines; }
    /**
     * The lines CMS denies when {@code units} exceed the limit: every line of the code on each claim whose units take
     * the day over it, claims taken in adjudication order (history first, then by received date, then input order) and
     * a denied claim's units not counted as paid. Empty when the sum is within the limit.
     */
    public List<LineFact> getDenied() { return denied; }
    public long getUnits() { return units; }
    public MueLimit getLimit() { return limit; }
}
