package org.claimauditor.report;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Claim.ServiceLine;
import org.claimauditor.claim.Plausibility;
import org.claimauditor.engine.Finding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One claim as the reports see it: lines by number, the provider each line is attributed to, totals and
 * dates. Built once per claim and dropped after it, so nothing here outlives the claim.
 */
final class ClaimView {

    /** Key for a payer or provider the claim does not name. */
    static final String NONE = "(none)";

    private final Claim claim;
    private final String claimProvider;
    /** First line with each number (numbers can repeat; CLAIM-LINE-DUPLICATE reports that). */
    private final Map<Integer, ServiceLine> byNumber = new HashMap<>();
    /** Charges per line number, summed over repeats, as FindingSink prices a finding (implausible ones as 0). */
    private final Map<Integer, BigDecimal> chargeByNumber = new HashMap<>();
    private final BigDecimal totalCharge;
    private final LocalDate first;
    private final LocalDate last;

    /** @param plausibility charges outside its range count 0 here, as in the findings' amounts at risk */
    ClaimView(Claim claim, Plausibility plausibility) {
        this.claim = claim;
        this.claimProvider = firstPresent(npi(claim.renderingProvider()), npi(claim.billingProvider()));
        BigDecimal total = BigDecimal.ZERO;
        LocalDate lo = null;
        LocalDate hi = null;
        for (ServiceLine l : claim.lines()) {
            BigDecimal charge = plausibility.money(l.charge());
            total = total.add(charge);
            if (l.lineNumber() != null) {
                byNumber.putIfAbsent(l.lineNumber(), l);
                chargeByNumber.merge(l.lineNumber(), charge, BigDecimal::add);
            }
            lo = min(lo, l.serviceDate());
            lo = min(lo, l.lastServiceDate());
            hi = max(hi, l.serviceDate());
            hi = max(hi, l.lastServiceDate());
        }
        this.totalCharge = total;
        this.first = lo;
        this.last = hi;
    }

    Claim claim() {
        return claim;
    }

    String payer() {
        return present(claim.payerId()) ? claim.payerId() : NONE;
    }

    /** The claim's rendering NPI, else its billing NPI: who a claim-level finding is attributed to. */
    String claimProvider() {
        return claimProvider;
    }

    /** A line's rendering NPI, else the claim's (the same attribution the NCCI edits use). */
    String provider(ServiceLine line) {
        return present(line.renderingProviderNpi()) ? line.renderingProviderNpi() : claimProvider;
    }

    /** The provider of the first named line the claim has, else the claim's provider. */
    String providerOf(Finding f) {
        ServiceLine l = firstLine(f);
        return l == null ? claimProvider : provider(l);
    }

    /** The date of service of the first named line, else the claim's first date of service. */
    LocalDate serviceDateOf(Finding f) {
        ServiceLine l = firstLine(f);
        return l != null && l.serviceDate() != null ? l.serviceDate() : first;
    }

    ServiceLine line(int number) {
        return byNumber.get(number);
    }

    BigDecimal chargeOf(int number) {
        return chargeByNumber.getOrDefault(number, BigDecimal.ZERO);
    }

    BigDecimal totalCharge() {
        return totalCharge;
    }

    LocalDate firstServiceDate() {
        return first;
    }

    LocalDate lastServiceDate() {
        return last;
    }

    private ServiceLine firstLine(Finding f) {
        for (Integer n : f.lineNumbers()) {
            ServiceLine l = n == null ? null : byNumber.get(n);
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    /** A line's procedure code as the reports key it (trimmed, upper case), {@link #NONE} when it has none. */
    static String codeOf(ServiceLine l) {
        return l == null || !present(l.procedureCode()) ? NONE : l.procedureCode().strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The billing provider's taxonomy (specialty) code, or null. */
    String taxonomy() {
        Claim.Provider b = claim.billingProvider();
        return b == null || !present(b.taxonomy()) ? null : b.taxonomy().strip().toUpperCase(java.util.Locale.ROOT);
    }

    static String npi(Claim.Provider p) {
        return p == null ? null : p.npi();
    }

    private static String firstPresent(String a, String b) {
        return present(a) ? a : present(b) ? b : NONE;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isBefore(a) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    static List<String> modifiersOf(ServiceLine l) {
        return l == null ? List.of() : l.modifiers().stream().filter(Objects::nonNull).toList();
    }
}
