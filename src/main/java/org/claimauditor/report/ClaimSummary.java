package org.claimauditor.report;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** One row of {@code claim-summaries}: a claim, its status and what is at risk. Fields are documented in docs/results-and-reports.md. */
public record ClaimSummary(
        String claimId,
        String origin,
        String payerId,
        String billingNpi,
        String renderingNpi,
        String patientId,
        LocalDate firstServiceDate,
        LocalDate lastServiceDate,
        int lineCount,
        BigDecimal totalCharge,
        AuditResult.Status status,
        int errorFindings,
        int warningFindings,
        int infoFindings,
        BigDecimal amountAtRisk,
        String error) implements CsvRow {

    static ClaimSummary of(ClaimInput input, AuditResult result, ClaimView view, AtRisk risk) {
        int[] bySeverity = new int[3];
        for (Finding f : result.findings()) {
            bySeverity[f.severity().ordinal()]++;
        }
        String claimId = result.claimId() != null ? result.claimId() : input.claimId();
        if (view == null) {
            return new ClaimSummary(claimId, input.origin(), null, null, null, null, null, null, 0, null,
                    result.status(), bySeverity[0], bySeverity[1], bySeverity[2], ComplianceTally.money(BigDecimal.ZERO),
                    result.error());
        }
        Claim c = view.claim();
        return new ClaimSummary(claimId, input.origin(), c.payerId(), ClaimView.npi(c.billingProvider()),
                ClaimView.npi(c.renderingProvider()), c.patient() == null ? null : c.patient().id(),
                view.firstServiceDate(), view.lastServiceDate(), c.lines().size(), ComplianceTally.money(view.totalCharge()),
                result.status(), bySeverity[0], bySeverity[1], bySeverity[2], ComplianceTally.money(risk.total()),
                result.error());
    }

    @Override
    public List<Object> csvCells() {
        return Arrays.asList(claimId, origin, payerId, billingNpi, renderingNpi, patientId, firstServiceDate,
                lastServiceDate, lineCount, totalCharge, status, errorFindings, warningFindings, infoFindings,
                amountAtRisk, error);
    }
}
