package org.claimauditor.engine.fact;

import org.claimauditor.ncci.MueLimit;

import java.util.List;

/**
 * The units of one code billed for a patient by one rendering provider on one date of service, on single-day lines
 * with units, in one claim type, over every claim of the session: the sum an MUE date-of-service edit (MAI 2, 3)
 * compares with its limit. {@code first} is the group's first line in input order, {@code limit} the MUE for it
 * (a payer override or the NCCI table); groups without an MUE get no fact. Prepared in Java ({@code NcciCandidates}).
 */
public record MueDaySum(LineFact first, List<LineFact> lines, long units, MueLimit limit) {
    public LineFact getFirst() { return first; }
    public List<LineFact> getLines() { return lines; }
    public long getUnits() { return units; }
    public MueLimit getLimit() { return limit; }
}
