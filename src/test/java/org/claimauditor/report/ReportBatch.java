package org.claimauditor.report;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Claim.ServiceLine;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Remittance;
import org.claimauditor.engine.Severity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed batch of seven inputs with known findings, built as records (no Drools), whose report totals are
 * worked out by hand in {@link ComplianceReportTest}. Providers: A bills and renders C1, C2, C7; B bills C3
 * and C4 (C3's line 2 is rendered by C); C bills C6. C5 could not be read.
 */
final class ReportBatch {

    static final String A = "1000000001";
    static final String B = "1000000002";
    static final String C = "1000000003";
    static final String RULE_SET = "rs-test-1";
    static final List<String> REFERENCE = List.of("Rule set rs-test-1 (8 rules from rules)",
            "NCCI practitioner PTP v322r0 (160 edits)");
    /** ACME's results also name its payer policy: the report lists the union, each line once. */
    static final String ACME_POLICY = "Payer policy: payer-policies/acme.yaml";
    static final List<String> ALL_REFERENCE = List.of(REFERENCE.get(0), REFERENCE.get(1), ACME_POLICY);
    /** A message with a comma, a quote and a newline, which CSV must quote. */
    static final String TRICKY = "Line 3: 97140 and 97110 are a \"PTP pair\",\nbundled.";
    /** A submitted claim id that a spreadsheet would run as a formula. */
    static final String FORMULA_ID = "=HYPERLINK(\"http://x\",\"C7\")";

    record Entry(ClaimInput input, AuditResult result) { }

    private ReportBatch() { }

    static List<Entry> entries() {
        List<Entry> e = new ArrayList<>();
        e.add(entry(1, claim("C1", "MEDICARE", A, A, "P1",
                line(1, "2026-01-10", "99213", List.of("25"), "100.00", null),
                line(2, "2026-01-10", "97140", List.of("59"), "50.00", null)),
                finding("NCCI-PTP-BYPASSED", Category.PTP, Severity.INFO, List.of(2), "PTP pair 99213/97140 bypassed by 59", "0.00")));
        e.add(entry(2, claim("C2", "MEDICARE", A, A, "P2",
                line(1, "2026-01-15", "99214", List.of(), "150.00", null),
                line(2, "2026-01-15", "97110", List.of("XU"), "40.00", null),
                line(3, "2026-01-15", "97140", List.of(), "60.00", null)),
                finding("NCCI-PTP-PAIR", Category.PTP, Severity.ERROR, List.of(3), TRICKY, "60.00"),
                finding("CLAIM-UNITS-MIN", Category.CLAIM_DATA, Severity.ERROR, List.of(3), "Line 3 reports 0 units", "60.00")));
        e.add(entry(3, claim("C3", "ACME", B, null, "P3",
                line(1, "2026-02-03", "99203", List.of(), "120.00", null),
                line(2, "2026-02-03", "99213", List.of(), "80.00", C)),
                finding("NCCI-AOC-UNDEFINED", Category.ADD_ON, Severity.WARNING, List.of(2), "Add-on cannot be checked", "80.00")));
        e.add(entry(4, claim("C4", "ACME", B, B, "P4",
                line(1, "2026-02-20", "99205", List.of("XS"), "200.00", null),
                line(2, "2026-02-20", "99215", List.of(), "100.00", null)),
                finding("CLAIM-REQUIRED-FIELD", Category.CLAIM_DATA, Severity.ERROR, List.of(), "$.receivedDate is missing", "300.00"),
                finding("CLAIM-REQUIRED-FIELD", Category.CLAIM_DATA, Severity.ERROR, List.of(), "$.placeOfService is missing", "300.00"),
                finding("NCCI-MUE-DOS-CLINICAL", Category.MUE, Severity.ERROR, List.of(1, 2), "MUE exceeded", "30.00")));
        e.add(new Entry(ClaimInput.failed(4, "bad.json:1", "C5", "bad.json:1: $.lines[0].units: expected a number"),
                new AuditResult("C5", AuditResult.Status.ERROR, List.of(), RULE_SET, REFERENCE,
                        "bad.json:1: $.lines[0].units: expected a number")));
        e.add(entry(6, claim("C6", "MEDICARE", C, C, "P6",
                line(1, "2026-03-01", "99212", List.of(), "70.00", null))));
        e.add(entry(7, claim(FORMULA_ID, "MEDICARE", A, A, "P7",
                line(1, "2026-03-15", "99213", List.of("59"), "90.00", null),
                line(2, "2026-03-15", "11042", List.of(), "210.00", null)),
                finding("MOD-59-NO-PTP", Category.MODIFIER, Severity.WARNING, List.of(1), "59 without a PTP pair", "90.00"),
                finding("NCCI-MUE-LINE", Category.MUE, Severity.ERROR, List.of(2), "3 units above MUE 1", "210.00")));
        return e;
    }

    static Entry entry(int index, Claim claim, Finding... findings) {
        List<Finding> list = List.of(findings);
        List<String> reference = "ACME".equals(claim.payerId())
                ? List.of(REFERENCE.get(0), REFERENCE.get(1), ACME_POLICY) : REFERENCE;
        return new Entry(ClaimInput.ok(index - 1, "batch.jsonl:" + index, claim),
                new AuditResult(claim.claimId(), AuditResult.statusOf(list), list, RULE_SET, reference, null));
    }

    static Claim claim(String id, String payer, String billing, String rendering, String patient, ServiceLine... lines) {
        return new Claim(id, Claim.ClaimType.PROFESSIONAL, payer, new Claim.Patient(patient, LocalDate.of(1960, 1, 1), Claim.Sex.F),
                new Claim.Provider(billing, "123456789"), rendering == null ? null : new Claim.Provider(rendering, null),
                "11", LocalDate.of(2026, 4, 1), List.of("E11.9"), List.of(lines));
    }

    static ServiceLine line(int n, String dos, String code, List<String> modifiers, String charge, String rendering) {
        return new ServiceLine(n, LocalDate.parse(dos), null, code, modifiers, 1, new BigDecimal(charge), List.of(1),
                rendering, null);
    }

    /**
     * The remittance codes the shipped rules carry; MOD-59-NO-PTP stands for a rule without {@code @carc}, whose
     * WARNING counts under "(none)", and INFO findings carry none.
     */
    private static final java.util.Map<String, Remittance> REMIT = java.util.Map.of(
            "NCCI-PTP-PAIR", Remittance.parse("CO-236", null),
            "CLAIM-UNITS-MIN", Remittance.parse("CO-16", "M53"),
            "NCCI-AOC-UNDEFINED", Remittance.parse("CO-B15", "N122"),
            "CLAIM-REQUIRED-FIELD", Remittance.parse("CO-16", "MA130"),
            "NCCI-MUE-DOS-CLINICAL", Remittance.parse("CO-96", "N362"),
            "NCCI-MUE-LINE", Remittance.parse("CO-96", "N362"));

    static Finding finding(String rule, Category category, Severity severity, List<Integer> lines, String message,
                           String amount) {
        return new Finding(rule, category, severity, lines, message, "source of " + rule, "fix " + rule,
                new BigDecimal(amount), severity == Severity.INFO ? null : REMIT.get(rule));
    }

    /** Runs the batch through a report run into {@code dir}. */
    static List<java.nio.file.Path> write(ReportRun run) throws java.io.IOException {
        for (Entry e : entries()) {
            run.accept(e.input(), e.result());
        }
        return run.finish();
    }
}
