package org.claimauditor.engine.fact;

import org.claimauditor.ncci.NcciEdits.QuarterUse;
import org.claimauditor.ncci.QuarterPeriod;

import java.util.List;

/**
 * Lines of one claim whose dates of service, in calendar quarter {@code quarter}, no loaded NCCI quarter's period holds
 * for some table the claim uses: {@code applied} names the quarters judged instead (the next later one, or the newest
 * when {@code afterNewest}). Prepared in Java ({@code NcciCandidates}); the rules say what it means.
 */
public record NcciQuarterGap(ClaimFact claim, List<LineFact> lines, QuarterPeriod quarter, boolean afterNewest,
                             List<QuarterUse> applied) {
    public ClaimFact getClaim() { return claim; }
    public List<LineFact> getLines() { return lines; }
    public QuarterPeriod getQuarter() { return quarter; }
    public boolean isAfterNewest() { return afterNewest; }
    public List<QuarterUse> getApplied() { return applied; }
}
