package org.claimauditor.report;

import org.claimauditor.claim.Claim.ServiceLine;
import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of {@code error-report}: a finding with the codes and modifiers of the lines it names.
 * {@code procedureCodes} and {@code modifiers} run parallel to {@code lineNumbers}; {@code groupCode}, {@code carc} and
 * {@code rarc} are the denial's remittance codes (null and empty for INFO). {@code providerNpi} and {@code serviceDate}
 * are those of the first line the finding names (the claim's rendering, else billing, provider and first date of
 * service for a claim-level finding), so a rule × provider or a monthly pivot needs no lookup.
 */
public record ErrorRow(
        String claimId,
        String payerId,
        String providerNpi,
        java.time.LocalDate serviceDate,
        List<Integer> lineNumbers,
        List<String> procedureCodes,
        List<List<String>> modifiers,
        String ruleId,
        Category category,
        Severity severity,
        String message,
        String source,
        String suggestion,
        BigDecimal amountAtRisk,
        String groupCode,
        String carc,
        List<String> rarc) implements CsvRow {

    static ErrorRow of(String claimId, Finding f, ClaimView view) {
        List<String> codes = new ArrayList<>(f.lineNumbers().size());
        List<List<String>> modifiers = new ArrayList<>(f.lineNumbers().size());
        for (Integer n : f.lineNumbers()) {
            ServiceLine l = view == null || n == null ? null : view.line(n);
            codes.add(l == null ? null : l.procedureCode());
            modifiers.add(ClaimView.modifiersOf(l));
        }
        return new ErrorRow(claimId, view == null ? null : view.claim().payerId(),
                view == null ? null : view.providerOf(f), view == null ? null : view.serviceDateOf(f),
                f.lineNumbers(), codes, modifiers, f.ruleId(), f.category(), f.severity(),
                f.message(), f.source(), f.suggestion(),
                f.amountAtRisk() == null ? null : ComplianceTally.money(f.amountAtRisk()), f.groupCode(), f.carc(), f.rarc());
    }

    /**
     * In CSV, lines are separated by {@code ;} and one line's modifiers by {@code ,}: {@code 1;2}, {@code 97140;97110},
     * {@code 59,XU;}; RARCs by {@code ;} ({@code M80;N20}).
     */
    @Override
    public List<Object> csvCells() {
        String numbers = lineNumbers.stream().map(String::valueOf).collect(Collectors.joining(";"));
        String codes = procedureCodes.stream().map(c -> c == null ? "" : c).collect(Collectors.joining(";"));
        String mods = modifiers.stream().map(m -> String.join(",", m)).collect(Collectors.joining(";"));
        return Arrays.asList(claimId, payerId, providerNpi, serviceDate, numbers, codes, mods, ruleId, category, severity, message, source, suggestion,
                amountAtRisk, groupCode, carc, String.join(";", rarc));
    }
}
