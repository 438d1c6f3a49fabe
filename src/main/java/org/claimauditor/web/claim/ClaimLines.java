package org.claimauditor.web.claim;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Claim.ServiceLine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One audited claim laid out for a page: each service line with the findings that name it (a finding on two lines,
 * such as an NCCI pair, shows under both), and the findings that name no line (or a line the claim does not have)
 * on the claim itself. {@code claim} is null when the input could not be read; {@code result.error()} says why.
 */
public record ClaimLines(String origin, Claim claim, AuditResult result, List<Row> lines, List<Finding> claimFindings,
                         BigDecimal amountAtRisk) {

    /** A service line and the findings pinned to it. */
    public record Row(ServiceLine line, List<Finding> findings) { }

    public static ClaimLines of(String origin, Claim claim, AuditResult result) {
        List<Row> rows = new ArrayList<>();
        List<Finding> onClaim = new ArrayList<>(result.findings());
        if (claim != null) {
            for (ServiceLine l : claim.lines()) {
                List<Finding> pinned = result.findings().stream()
                        .filter(f -> l.lineNumber() != null && f.lineNumbers().contains(l.lineNumber())).toList();
                onClaim.removeAll(pinned);
                rows.add(new Row(l, pinned));
            }
        }
        BigDecimal atRisk = result.findings().stream().map(Finding::amountAtRisk).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ClaimLines(origin, claim, result, rows, onClaim, atRisk);
    }
}
