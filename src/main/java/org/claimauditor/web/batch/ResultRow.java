package org.claimauditor.web.batch;

import org.claimauditor.engine.Finding;
import org.claimauditor.web.claim.IndexedClaim;

import java.math.BigDecimal;
import java.util.List;

/** One claim in the results table, with the findings the filter selected. */
public record ResultRow(int index, String claimId, String status, String payer, String provider, int findings,
                        List<String> rules, BigDecimal amountAtRisk) {

    static ResultRow of(IndexedClaim c, List<Finding> selected) {
        return new ResultRow(c.index(), c.result().claimId(), c.result().status().name(), c.payer(), c.provider(),
                selected.size(), selected.stream().map(Finding::ruleId).distinct().sorted().toList(),
                IndexedClaim.atRisk(selected.stream()));
    }
}
