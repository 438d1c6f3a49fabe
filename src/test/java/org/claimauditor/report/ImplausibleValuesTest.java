package org.claimauditor.report;

import org.claimauditor.pipeline.source.ClaimFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.RuleSetLoader;
import org.claimauditor.engine.TestRules;
import org.claimauditor.pipeline.AuditPipeline;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.pipeline.sink.JsonArrayResults;
import org.claimauditor.pipeline.sink.JsonLinesResults;
import org.claimauditor.pipeline.sink.ResultSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values that parse but cannot be real (issue 10, item 2), replayed from
 * {@code src/test/resources/robustness/plausibility/}: each gets its plausibility finding, and no implausible charge
 * reaches a sum of money, so a charge of 1e308 neither swamps nor bloats the reports.
 */
class ImplausibleValuesTest {

    static final Path INPUT = Path.of("src/test/resources/robustness/plausibility/implausible-values.jsonl");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final Set<String> PLAUSIBILITY_RULES = Set.of("CLAIM-CHARGE-RANGE", "CLAIM-UNITS-MAX", "CLAIM-UNITS-MIN",
            "CLAIM-DATE-RANGE", "CLAIM-BIRTH-AFTER-SERVICE", "CLAIM-AGE-MAX");

    @TempDir
    static Path out;

    static List<ClaimInput> inputs;
    static Map<String, AuditResult> results;

    @BeforeAll
    static void auditAndReport() throws IOException {
        inputs = ClaimFiles.readAll(List.of(INPUT));
        RuleSet rules = TestRules.shipped();
        List<AuditResult> list = AuditEngine.audit(rules, TestRules.sample(), inputs, TODAY);
        results = list.stream().collect(Collectors.toMap(AuditResult::claimId, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
        RunReference run = RunReference.of(rules, TestRules.sample());
        List<ResultSink> sinks = List.of(new JsonArrayResults(out, run), new JsonLinesResults(out, run));
        AuditPipeline.write(inputs, list, sinks);
        report(out, rules, inputs, list);
    }

    static void report(Path dir, RuleSet rules, List<ClaimInput> in, List<AuditResult> res) throws IOException {
        try (ReportRun run = ReportRun.open(dir, ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), List.of(INPUT))
                .withAuditDate(TODAY).withPlausibility(rules.plausibility()))) {
            for (int i = 0; i < in.size(); i++) {
                run.accept(in.get(i), res.get(i));
            }
            run.finish();
        }
    }

    @Test
    void everyClaimIsReadAndAudited() {
        assertThat(inputs).hasSize(12);
        assertThat(results).hasSize(12);
        // a 300-digit charge cannot be represented as money at all: the reader makes it an ERROR result, in its place
        assertThat(inputs).filteredOn(i -> !i.readable()).singleElement().satisfies(i -> {
            assertThat(i.claimId()).isEqualTo("DIGITS-CHARGE");
            assertThat(i.error()).contains("$.lines[0].charge").contains("below 1,000,000,000,000");
        });
        assertThat(results.get("DIGITS-CHARGE").status()).isEqualTo(AuditResult.Status.ERROR);
        assertThat(results.entrySet()).filteredOn(e -> !e.getKey().equals("DIGITS-CHARGE"))
                .allMatch(e -> e.getValue().status() != AuditResult.Status.ERROR);
    }

    @Test
    void eachImplausibleValueIsAFindingOfItsRule() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("NEG-CHARGE", List.of("CLAIM-CHARGE-RANGE[2]"));
        expected.put("HUGE-CHARGE", List.of("CLAIM-CHARGE-RANGE[2]", "CLAIM-UNITS-MIN[2]"));
        expected.put("DIGITS-CHARGE", List.of());
        expected.put("UNITS-5M", List.of("CLAIM-UNITS-MAX[1]"));
        expected.put("UNITS-0", List.of("CLAIM-UNITS-MIN[1]"));
        // a birth in 1958 is after a service in year 0: both findings point at the same wrong date
        expected.put("DOS-0000", List.of("CLAIM-BIRTH-AFTER-SERVICE[]", "CLAIM-DATE-RANGE[1]"));
        expected.put("DOS-10000", List.of("CLAIM-AGE-MAX[]", "CLAIM-DATE-RANGE[1]")); // born 1958: 8041 in year 10000
        expected.put("RECEIVED-10000", List.of("CLAIM-DATE-RANGE[]"));
        expected.put("BIRTH-10000", List.of("CLAIM-BIRTH-AFTER-SERVICE[]"));
        expected.put("BIRTH-0000", List.of("CLAIM-AGE-MAX[]"));
        expected.put("BIRTH-AFTER", List.of("CLAIM-BIRTH-AFTER-SERVICE[]"));
        expected.put("CLEAN", List.of());
        Map<String, List<String>> actual = new LinkedHashMap<>();
        results.forEach((id, r) -> actual.put(id, r.findings().stream().filter(f -> PLAUSIBILITY_RULES.contains(f.ruleId()))
                .map(f -> f.ruleId() + f.lineNumbers()).sorted().toList()));
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(results.get("DOS-10000").findings()).extracting(Finding::ruleId).contains("CLAIM-DOS-FUTURE");
    }

    @Test
    void messagesNameTheValueInAFewCharacters() {
        assertThat(message("HUGE-CHARGE", "CLAIM-CHARGE-RANGE")).isEqualTo("Line 2 charges 999999999999.99 for 97110, above the "
                + "plausible range of 0.00 to 10000000.00 per line; the amount is left out of amounts at risk and totals.");
        assertThat(message("NEG-CHARGE", "CLAIM-CHARGE-RANGE")).startsWith("Line 2 charges -45.00 for 97112, below");
        assertThat(message("UNITS-5M", "CLAIM-UNITS-MAX"))
                .isEqualTo("Line 1 reports 5000000 units of 97110, more than the plausible maximum of 1000000 per line.");
        assertThat(message("RECEIVED-10000", "CLAIM-DATE-RANGE"))
                .isEqualTo("Received date +10000-01-01 is outside the plausible window 2015-10-01 to 2027-11-01.");
        assertThat(message("DOS-0000", "CLAIM-DATE-RANGE"))
                .isEqualTo("Line 1: date of service 0000-01-01 is outside the plausible window 2015-10-01 to 2027-11-01.");
        assertThat(message("BIRTH-AFTER", "CLAIM-BIRTH-AFTER-SERVICE")).isEqualTo("The patient's birth date 2026-03-05 is "
                + "after the claim's first date of service 2026-03-02; no age can be computed, so age edits were not applied.");
        assertThat(message("BIRTH-0000", "CLAIM-AGE-MAX")).isEqualTo("The patient's birth date 0000-01-01 makes the "
                + "patient 2026 years old on 2026-03-02, above the plausible maximum age of 124.");
        assertThat(results.values()).flatMap(AuditResult::findings).allSatisfy(f -> assertThat(f.message()).hasSizeLessThan(400));
    }

    @Test
    void implausibleChargesPutNoMoneyAtRisk() {
        // the flagged line's charge is no amount of money, for every finding on the line
        assertThat(atRisk("HUGE-CHARGE", "CLAIM-CHARGE-RANGE")).isZero();
        assertThat(atRisk("HUGE-CHARGE", "CLAIM-UNITS-MIN")).isZero();
        assertThat(atRisk("NEG-CHARGE", "CLAIM-CHARGE-RANGE")).isZero();
        // other implausible values leave a plausible charge at risk: the line's, or for a claim-level finding the claim's
        assertThat(atRisk("UNITS-5M", "CLAIM-UNITS-MAX")).isEqualByComparingTo("45.00");
        assertThat(atRisk("RECEIVED-10000", "CLAIM-DATE-RANGE")).isEqualByComparingTo("125.00");
        assertThat(atRisk("BIRTH-0000", "CLAIM-AGE-MAX")).isEqualByComparingTo("125.00");
    }

    @Test
    void reportTotalsCountOnlyPlausibleCharges() throws IOException {
        Map<String, JsonNode> summaries = new LinkedHashMap<>();
        for (JsonNode s : ComplianceReportTest.EXACT.readTree(out.resolve("claim-summaries.json").toFile())) {
            summaries.put(s.get("claimId").asText(), s);
        }
        assertThat(summaries.get("NEG-CHARGE").get("totalCharge").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(summaries.get("HUGE-CHARGE").get("totalCharge").decimalValue()).isEqualByComparingTo("125.00");
        // CODE-DX-NOT-COVERED names both lines: only line 1's 125.00 is at risk, never the 999,999,999,999.99 of line 2
        assertThat(summaries.get("HUGE-CHARGE").get("amountAtRisk").decimalValue()).isEqualByComparingTo("125.00");
        assertThat(summaries.get("DIGITS-CHARGE").get("status").asText()).isEqualTo("ERROR");
        JsonNode claims = ComplianceReportTest.EXACT.readTree(out.resolve("compliance-report.json").toFile()).get("claims");
        // 90 (NEG) + 125 (HUGE) + 0 (DIGITS) + 45 + 45 (UNITS) + 6 x 125 (dates, births) + 125 + 2,125,000 (CLEAN)
        assertThat(claims.get("totalCharge").decimalValue()).isEqualByComparingTo("2126180.00");
        BigDecimal claimsAtRisk = summaries.values().stream().map(s -> s.get("amountAtRisk").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(claims.get("amountAtRisk").decimalValue()).isEqualByComparingTo(claimsAtRisk)
                .isLessThanOrEqualTo(claims.get("totalCharge").decimalValue());
    }

    /** Money in every output is bounded by the plausible charges; no 300-digit number appears in any file. */
    @Test
    void noOutputPrintsAHugeNumber() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".pdf")).sorted().toList(); // text only
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("audit-results.json", "audit-results.jsonl",
                "claim-summaries.json", "claim-summaries.csv", "error-report.json", "error-report.csv",
                "compliance-report.json", "compliance-report.csv", "compliance-report.html");
        Pattern longNumber = Pattern.compile("\\d[\\d,]{19,}");
        for (Path f : files) {
            // input checksums are 64 hex digits, not amounts
            String text = Files.readString(f).replaceAll("[0-9a-f]{64}", "<sha256>");
            Matcher m = longNumber.matcher(text);
            assertThat(m.find() ? m.group() : null).as(f.getFileName().toString()).isNull();
        }
        for (Path f : files) {
            if (f.toString().endsWith(".json")) {
                List<BigDecimal> numbers = new ArrayList<>();
                collectNumbers(ComplianceReportTest.EXACT.readTree(f.toFile()), numbers);
                assertThat(numbers).as(f.getFileName().toString()).allSatisfy(n ->
                        assertThat(n.abs()).isLessThanOrEqualTo(new BigDecimal("10000000")));
            }
        }
    }

    /** A compliance officer lowers the ceiling in rules/data/plausibility.yaml: findings and sums follow the data. */
    @Test
    void boundsComeFromTheRulesDataFile(@TempDir Path copy) throws IOException {
        Path rulesCopy = copy.resolve("rules");
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = rulesCopy.resolve(Path.of("rules").relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        Path data = rulesCopy.resolve("data/plausibility.yaml");
        Files.writeString(data, Files.readString(data).replace("max: 10000000.00", "max: 100.00"));
        RuleSet rules = new RuleSetLoader(rulesCopy, Path.of("payer-policies")).load();
        assertThat(rules.plausibility().getMaxCharge()).isEqualByComparingTo("100.00");
        List<ClaimInput> in = inputs.stream().filter(i -> i.readable() && (i.claim().claimId().equals("NEG-CHARGE")
                || i.claim().claimId().equals("UNITS-0"))).toList();
        List<AuditResult> res = AuditEngine.audit(rules, TestRules.sample(), in, TODAY);
        // NEG-CHARGE line 1 (90.00) stays plausible; UNITS-0 (45.00) too; nothing above 100.00 in these two
        assertThat(res).flatMap(AuditResult::findings).filteredOn(f -> f.ruleId().equals("CLAIM-CHARGE-RANGE"))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("Line 2 charges -45.00 for 97112"));
        List<ClaimInput> high = inputs.stream().filter(i -> i.readable() && i.claim().claimId().equals("BIRTH-0000")).toList();
        List<AuditResult> highRes = AuditEngine.audit(rules, TestRules.sample(), high, TODAY);
        assertThat(highRes.get(0).findings()).filteredOn(f -> f.ruleId().equals("CLAIM-CHARGE-RANGE"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("above the plausible range of 0.00 to 100.00"));
        // the 125.00 line is now implausible: nothing of it is at risk, in the finding or in the reports
        assertThat(highRes.get(0).findings()).allSatisfy(f -> assertThat(f.amountAtRisk()).isZero());
        Path dir = copy.resolve("out");
        report(dir, rules, high, highRes);
        JsonNode summary = ComplianceReportTest.EXACT.readTree(dir.resolve("claim-summaries.json").toFile()).get(0);
        assertThat(summary.get("totalCharge").decimalValue()).isZero();
    }

    private static void collectNumbers(JsonNode n, List<BigDecimal> into) {
        if (n.isNumber()) {
            into.add(n.decimalValue());
        }
        n.forEach(child -> collectNumbers(child, into));
    }

    private static String message(String claimId, String ruleId) {
        return finding(claimId, ruleId).message();
    }

    private static BigDecimal atRisk(String claimId, String ruleId) {
        return finding(claimId, ruleId).amountAtRisk();
    }

    private static Finding finding(String claimId, String ruleId) {
        return results.get(claimId).findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(claimId + " has no " + ruleId + " finding"));
    }
}
