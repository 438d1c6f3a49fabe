package org.claimauditor.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * One problem found on a claim: which rule, which lines, what it means to a coder, where it comes from, what to do.
 * An ERROR or WARNING finding also says how a payer would report the denial on the remittance: the adjustment
 * {@code groupCode} (CO, PR, OA, PI), the {@code carc} and the {@code rarc} list ({@link Remittance}); an INFO
 * finding is no denial and carries none (null, null, empty).
 */
public record Finding(
        String ruleId,
        Category category,
        Severity severity,
        List<Integer> lineNumbers,
        String message,
        String source,
        String suggestion,
        BigDecimal amountAtRisk,
        String groupCode,
        String carc,
        List<String> rarc) {

    public Finding {
        lineNumbers = List.copyOf(lineNumbers);
        rarc = rarc == null ? List.of() : List.copyOf(rarc);
    }

    /** A finding with the remittance codes of {@code remittance} (null: none). */
    public Finding(String ruleId, Category category, Severity severity, List<Integer> lineNumbers, String message,
                   String source, String suggestion, BigDecimal amountAtRisk, Remittance remittance) {
        this(ruleId, category, severity, lineNumbers, message, source, suggestion, amountAtRisk,
                remittance == null ? null : remittance.groupCode(), remittance == null ? null : remittance.carc(),
                remittance == null ? List.of() : remittance.rarc());
    }

    /** {@code CO-236}, or null for a finding without remittance codes. */
    public String adjustment() {
        return carc == null ? null : groupCode + "-" + carc;
    }
}
