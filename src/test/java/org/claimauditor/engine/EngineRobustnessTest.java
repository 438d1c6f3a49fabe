package org.claimauditor.engine;

import org.claimauditor.pipeline.source.ClaimFiles;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, engine side: one claim never takes a batch down. Replays the claims that crashed whole batches, rules
 * that throw or spin, and claims built in code beyond the limits (the reader refuses them earlier).
 */
class EngineRobustnessTest {

    static final Path DIR = Path.of("src/test/resources/robustness/engine");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    static List<ClaimInput> read(String... files) {
        return ClaimFiles.readAll(Arrays.stream(files).map(DIR::resolve).toList());
    }

    static RuleSet rules(String folder) {
        return new RuleSetLoader(DIR.resolve(folder), DIR.resolve("no-policies")).load();
    }

    /** A professional Medicare claim of patient {@code patient} with {@code n} lines made by {@code line}. */
    static Claim claim(String id, String patient, int n, Function<Integer, Claim.ServiceLine> line) {
        List<Claim.ServiceLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(line.apply(i));
        }
        return new Claim(id, Claim.ClaimType.PROFESSIONAL, "MEDICARE", new Claim.Patient(patient, LocalDate.of(1958, 4, 2),
                Claim.Sex.F), new Claim.Provider("1234567893", "123456789"), null, "11", DOS.plusDays(8),
                List.of("M54.50"), lines);
    }

    static Claim.ServiceLine line(int number, String code, int units) {
        return new Claim.ServiceLine(number, DOS, null, code, List.of(), units, new BigDecimal("45.00"), List.of(1),
                null, null);
    }

    static List<ClaimInput> inputs(List<Claim> claims) {
        List<ClaimInput> in = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            in.add(ClaimInput.ok(i, "built[" + i + "]", claims.get(i)));
        }
        return in;
    }

    // ---- missing fields that used to throw out of the rules ------------------------------------------------

    @Test
    void claimsThatCrashedTheWholeBatchNowGetTheirOwnFindings() {
        List<ClaimInput> in = read("acme-line-without-procedure-code.json", "medicaid-em-without-place-of-service.json",
                "medicaid-ptp-pair-without-tin.json", "good-claim.json");
        List<AuditResult> results = AuditEngine.audit(TestRules.shipped(), TestRules.sample(), in, TODAY);

        assertThat(results).extracting(AuditResult::claimId)
                .containsExactly("ACME-NO-PROC", "MXX-NO-POS", "MXX-NO-TIN", "GOOD-1");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(AuditResult.Status.REJECT);
            assertThat(r.error()).isNull();
        });
        // the gap is reported by CLAIM-REQUIRED-FIELD; the payer rules that needed the value just do not match
        assertThat(results.get(0).findings()).filteredOn(f -> f.ruleId().equals("CLAIM-REQUIRED-FIELD"))
                .extracting(Finding::message).containsExactly("Required field $.lines[1].procedureCode is missing.");
        assertThat(results.get(1).findings()).filteredOn(f -> f.ruleId().equals("CLAIM-REQUIRED-FIELD"))
                .extracting(Finding::message).containsExactly("Required field $.placeOfService is missing.");
        // without a TIN the FQHC carve-out cannot apply, so the PTP pair is reported as for anyone else
        assertThat(results.get(2).findings()).extracting(Finding::ruleId).contains("NCCI-PTP-PAIR");
        assertThat(results.get(2).findings()).extracting(Finding::lineNumbers).contains(List.of(2));
    }

    // ---- a session that throws: only the failing patient gets an ERROR --------------------------------------

    @Test
    void aRuleThatThrowsFailsOnlyTheClaimsOfItsPatient() {
        RuleSet rules = rules("failing-rules");
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // three sessions of 64 claims
            claims.add(claim("C-" + i, "P-" + i, 1, n -> line(1, "99213", 3)));
        }
        claims.set(10, claim("BOOM", "P-10", 1, n -> line(1, "99213", 1)));
        claims.set(11, claim("C-11", "P-10", 1, n -> line(1, "99213", 3))); // same patient as BOOM
        claims.set(100, claim("C-100", "P-100", 2, n -> line(n + 1, n == 0 ? "99213" : "J1234", 1)));

        List<AuditResult> results = AuditEngine.audit(rules, Reference.NONE, inputs(claims), TODAY);

        assertThat(results).hasSize(150);
        assertThat(results.get(10).error()).isEqualTo("rule BOOM failed: IllegalStateException (boom) in the rule's action");
        assertThat(results.get(11).error()).isEqualTo(results.get(10).error());
        assertThat(results.get(100).error()).isEqualTo("rule PARSE failed in condition 'Integer.parseInt(procedureCode) < 0': "
                + "NumberFormatException (For input string: \"J1234\") in the rule's condition");
        for (int i = 0; i < 150; i++) {
            if (i == 10 || i == 11 || i == 100) {
                assertThat(results.get(i).status()).isEqualTo(AuditResult.Status.ERROR);
                assertThat(results.get(i).findings()).isEmpty();
                assertThat(results.get(i).error()).doesNotContain("\n");
            } else {
                assertThat(results.get(i).status()).as(claims.get(i).claimId()).isEqualTo(AuditResult.Status.REJECT);
                assertThat(results.get(i).findings()).extracting(Finding::ruleId).containsExactly("UNITS");
            }
        }
    }

    // ---- limits -----------------------------------------------------------------------------------------

    @Test
    void aClaimWithMoreLinesThanTheLimitIsRefusedAndTheOthersAudited() {
        Claim huge = claim("HUGE", "P-1", 10_000, n -> line(n + 1, "97110", 1));
        Claim normal = claim("NORMAL", "P-2", 2, n -> line(n + 1, n == 0 ? "97140" : "97110", 1));
        long start = System.nanoTime();
        List<AuditResult> results = AuditEngine.audit(TestRules.shipped(), TestRules.sample(), inputs(List.of(huge, normal)), TODAY);
        assertThat(results.get(0).status()).isEqualTo(AuditResult.Status.ERROR);
        assertThat(results.get(0).error()).isEqualTo(
                "the claim has 10,000 service lines, more than the limit of 999 (auditor.limits.max-lines-per-claim)");
        assertThat(results.get(1).findings()).extracting(Finding::ruleId).contains("NCCI-PTP-PAIR");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /**
     * The issue's 3,000 same-day lines gave 500,004 findings (4 GB). Within the line limit a claim can still have
     * thousands of findings (here 100 × 100 PTP pairs): it gets an ERROR naming the limit, its neighbours their findings.
     */
    @Test
    void aClaimWithMoreFindingsThanTheLimitGetsAnErrorAndItsNeighboursTheirFindings() {
        Claim many = claim("MANY", "P-1", 200, n -> line(n + 1, n % 2 == 0 ? "97140" : "97110", 1));
        Claim normal = claim("NORMAL", "P-2", 2, n -> line(n + 1, n == 0 ? "97140" : "97110", 1));
        List<AuditResult> results = AuditEngine.audit(TestRules.shipped(), TestRules.sample(), inputs(List.of(many, normal)),
                TODAY);
        assertThat(results.get(0).status()).isEqualTo(AuditResult.Status.ERROR);
        assertThat(results.get(0).findings()).isEmpty();
        assertThat(results.get(0).error()).isEqualTo(
                "the claim has more than 1,000 findings (auditor.limits.max-findings-per-claim); its findings were not kept");
        assertThat(results.get(1).status()).isEqualTo(AuditResult.Status.REJECT);
        assertThat(results.get(1).findings()).extracting(Finding::ruleId).contains("NCCI-PTP-PAIR");
    }

    /**
     * Drools builds every pair of same-day lines of a patient before the first match, where no limit can stop it, so
     * a patient whose claims hold more same-day pairs than one claim at the line limit is refused before evaluation.
     */
    @Test
    void aPatientWithMoreSameDayLinesThanAClaimMayHoldIsRefusedBeforeEvaluation() {
        Claim first = claim("FIRST", "P-1", 600, n -> line(n + 1, "97110", 1));
        Claim second = claim("SECOND", "P-1", 600, n -> line(n + 1, "97140", 1));
        Claim other = claim("OTHER", "P-2", 2, n -> line(n + 1, n == 0 ? "97140" : "97110", 1));
        long start = System.nanoTime();
        List<AuditResult> results = AuditEngine.audit(TestRules.shipped(), TestRules.sample(),
                inputs(List.of(first, other, second)), TODAY);
        String refusal = "the patient's claims have 1,440,000 pairs of same-day service lines to compare (1,200 lines on "
                + "2026-03-02), more than one claim at the limit of 999 lines (auditor.limits.max-lines-per-claim)";
        assertThat(results).extracting(AuditResult::error).containsExactly(refusal, null, refusal);
        assertThat(results.get(1).findings()).extracting(Finding::ruleId).contains("NCCI-PTP-PAIR");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theFindingsLimitCountsPerClaim() {
        List<ClaimInput> in = read("good-claim.json", "medicaid-ptp-pair-without-tin.json");
        int findings = AuditEngine.auditOne(TestRules.shipped(), TestRules.sample(), in.get(0), TODAY).findings().size();
        assertThat(findings).isEqualTo(2);
        List<AuditResult> results = AuditEngine.audit(TestRules.shipped(), TestRules.sample(), in, TODAY,
                Limits.DEFAULTS.withMaxFindingsPerClaim(1));
        assertThat(results).allSatisfy(r -> assertThat(r.error()).isEqualTo(
                "the claim has more than 1 findings (auditor.limits.max-findings-per-claim); its findings were not kept"));
        assertThat(AuditEngine.audit(TestRules.shipped(), TestRules.sample(), in, TODAY,
                Limits.DEFAULTS.withMaxFindingsPerClaim(2))).allSatisfy(r -> assertThat(r.error()).isNull());
    }

    @Test
    void theUpdateLoopOfTheIssueCannotBeBuiltAndTheFiringLimitEndsRulesThatFireWithoutEnd() {
        // the looping rule of the issue re-fires by updating its fact: the rules' trust boundary refuses update
        assertThatThrownBy(() -> rules("loop-update")).isInstanceOf(RuleBuildException.class)
                .satisfies(e -> assertThat(((RuleBuildException) e).errors()).extracting(BuildError::toString)
                        .anySatisfy(m -> assertThat(m).contains("loop-update").contains("update")));
        // a rule that fires once per pair of a patient's lines: 10 lines = 100 firings, over a limit of 50
        Claim many = claim("MANY", "P-1", 10, n -> line(n + 1, "97110", 1));
        List<ClaimInput> in = List.of(ClaimInput.ok(0, "code", many),
                ClaimInput.ok(1, "code", claim("FEW", "P-2", 2, n -> line(n + 1, "97110", 1))));
        List<AuditResult> results = AuditEngine.audit(rules("cross-product"), Reference.NONE, in, TODAY,
                Limits.DEFAULTS.withMaxRuleFirings(50));
        assertThat(results.get(0).error()).isEqualTo("rule evaluation exceeded 50 rule firings (auditor.limits.max-rule-firings)");
        assertThat(results.get(1).error()).as("the other patient, re-run alone, is within the limit").isNull();
    }

    @Test
    void aRuleThatSpinsIsStoppedByTheTimeLimitAndOnlyItsPatientFails() {
        RuleSet rules = rules("cross-product");
        Claim spinning = claim("SPIN", "P-1", 999, n -> line(n + 1, "97110", 1));
        Claim small = claim("SMALL", "P-2", 3, n -> line(n + 1, "97110", 1));
        Limits limits = Limits.DEFAULTS.withRuleTime(Duration.ofMillis(500)).withMaxRuleFirings(Long.MAX_VALUE);
        long start = System.nanoTime();
        List<AuditResult> results = AuditEngine.audit(rules, Reference.NONE, inputs(List.of(spinning, small)), TODAY, limits);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(results.get(0).error()).isEqualTo("rule evaluation exceeded the 500 ms limit (auditor.limits.rule-time)");
        assertThat(results.get(1).status()).isEqualTo(AuditResult.Status.PASS);
        // the shared session, then the spinning patient alone: about twice the limit, not the million firings
        assertThat(seconds).isLessThan(8);
        // the firing limit stops it too
        assertThat(AuditEngine.audit(rules, Reference.NONE, inputs(List.of(spinning, small)), TODAY,
                Limits.DEFAULTS.withMaxRuleFirings(10_000)).get(0).error())
                .isEqualTo("rule evaluation exceeded 10,000 rule firings (auditor.limits.max-rule-firings)");
    }

    @Test
    void aSlowActionIsStoppedBetweenFirings() {
        RuleSet rules = rules("slow-action");
        Claim slow = claim("SLOW-1", "P-1", 200, n -> line(n + 1, "97110", 1));
        Claim fast = claim("FAST-1", "P-2", 2, n -> line(n + 1, "97110", 1));
        List<AuditResult> results = AuditEngine.audit(rules, Reference.NONE, inputs(List.of(slow, fast)), TODAY,
                Limits.DEFAULTS.withRuleTime(Duration.ofMillis(300)));
        assertThat(results.get(0).error()).isEqualTo("rule evaluation exceeded the 300 ms limit (auditor.limits.rule-time)");
        assertThat(results.get(1).error()).isNull();
    }

    @Test
    void aChargeThatCannotBeAddedUpIsRefused() {
        Claim absurd = claim("ABSURD", "P-1", 2, n -> new Claim.ServiceLine(n + 1, DOS, null, "97110", List.of(), 1,
                n == 0 ? new BigDecimal("0.01") : new BigDecimal("1e999999999"), List.of(1), null, null));
        AuditResult r = AuditEngine.auditOne(TestRules.shipped(), TestRules.sample(), inputs(List.of(absurd)).get(0), TODAY);
        assertThat(r.error()).isEqualTo("$.lines[1].charge cannot be represented: more than 1000 digits before or after "
                + "the decimal point");
    }

    /** The reader caps claims at 999 lines; what such a claim costs when every line is the same code and day. */
    @Test
    void nineHundredNinetyNineIdenticalLinesStayWellInsideTheTimeLimit() {
        Claim identical = claim("SAME", "P-1", 999, n -> line(n + 1, "97110", 1));
        ClaimInput in = inputs(List.of(identical)).get(0);
        AuditEngine.auditOne(TestRules.shipped(), TestRules.sample(), in, TODAY); // warm-up
        long start = System.nanoTime();
        AuditResult r = AuditEngine.auditOne(TestRules.shipped(), TestRules.sample(), in, TODAY);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("999 identical lines: %.2f s, %d findings%n", seconds, r.findings().size());
        assertThat(r.error()).isNull();
        assertThat(r.findings()).extracting(Finding::ruleId).contains("NCCI-MUE-DOS-CLINICAL");
        assertThat(seconds).isLessThan(Limits.DEFAULTS.ruleTime().toSeconds());
    }
}
