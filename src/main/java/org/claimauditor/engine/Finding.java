package org.claimauditor.engine;

import java.math.BigDecimal;
import java.util.List;

/** One problem found on a claim: which rule, which lines, what it means to a coder, where it comes from, what to do. */
public record Finding(
        String ruleId,
        Category category,
        Severity severity,
        List<Integer> lineNumbers,
        String message,
        String source,
        String suggestion,
        BigDecimal amountAtRisk) {

    public Finding {
        lineNumbers = List.copyOf(lineNumbers);
    }
}
