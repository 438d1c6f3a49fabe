package org.claimauditor.report;

import org.claimauditor.engine.Finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The amount at risk of one claim, with no charge counted twice: two findings on the same line put that
 * line's charge at risk once, not twice. Each finding's amount is spread over its lines in proportion to
 * their charges (a finding on one line puts its whole amount there; an MUE date-of-service finding's full
 * denied charge over the denied claim's lines); a line is at risk for the largest share any finding puts on it.
 * A claim-level finding (no line) puts its amount on the claim; the claim's total is the larger of that and
 * the lines' sum, never more than the claim's charges. {@code byProvider} splits it by the provider of each
 * line (the rest to the claim's provider), so payer and provider totals add up to the run's total; {@code byCode}
 * splits it by each line's procedure code (the rest under {@link #CLAIM_LEVEL}), so code totals add up too.
 */
record AtRisk(BigDecimal total, Map<String, BigDecimal> byProvider, Map<String, BigDecimal> byCode) {

    /** The {@code byCode} key of an amount no line carries (claim-level findings). */
    static final String CLAIM_LEVEL = "(claim level)";
    static final AtRisk NONE = new AtRisk(BigDecimal.ZERO, Map.of(), Map.of());

    static AtRisk of(ClaimView claim, List<Finding> findings) {
        Map<Integer, BigDecimal> lineRisk = new HashMap<>();
        BigDecimal claimLevel = BigDecimal.ZERO;
        for (Finding f : findings) {
            BigDecimal amount = f.amountAtRisk();
            if (amount == null || amount.signum() <= 0) {
                continue;
            }
            List<Integer> known = f.lineNumbers().stream().filter(n -> n != null && claim.line(n) != null)
                    .distinct().toList();
            if (known.isEmpty()) {
                claimLevel = claimLevel.max(amount);
                continue;
            }
            BigDecimal charges = known.stream().map(claim::chargeOf).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int n : known) {
                BigDecimal share = charges.signum() == 0
                        ? amount.divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP)
                        : amount.multiply(claim.chargeOf(n)).divide(charges, 2, RoundingMode.HALF_UP);
                lineRisk.merge(n, share, BigDecimal::max);
            }
        }
        if (lineRisk.isEmpty() && claimLevel.signum() == 0) {
            return NONE;
        }
        BigDecimal linesSum = lineRisk.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = linesSum.max(claimLevel).min(claim.totalCharge().max(BigDecimal.ZERO));
        Map<String, BigDecimal> byProvider = new LinkedHashMap<>();
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        lineRisk.forEach((n, amount) -> {
            byProvider.merge(claim.provider(claim.line(n)), amount, BigDecimal::add);
            byCode.merge(ClaimView.codeOf(claim.line(n)), amount, BigDecimal::add);
        });
        BigDecimal rest = total.subtract(linesSum);
        if (rest.signum() != 0) {
            byProvider.merge(claim.claimProvider(), rest, BigDecimal::add);
            byCode.merge(CLAIM_LEVEL, rest, BigDecimal::add);
        }
        return new AtRisk(total, byProvider, byCode);
    }
}
