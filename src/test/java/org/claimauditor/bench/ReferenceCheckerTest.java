package org.claimauditor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.RuleSetLoader;
import org.claimauditor.fixture.Fixture;
import org.claimauditor.fixture.FixtureRunner;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.policy.PayerPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-Java reference checker must find exactly what the engine's eight NCCI rules find: on every case of the
 * NCCI fixture files (each case its own batch), and on randomized batches of a few thousand claims.
 */
class ReferenceCheckerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    private static RuleSet rules;
    private static NcciTables tables;
    private static Reference reference;

    @BeforeAll
    static void load() {
        rules = new RuleSetLoader(Path.of("rules"), Path.of("payer-policies")).load();
        tables = NcciLoader.load(Path.of("test-claims/ncci-sample"));
        reference = Reference.ofNcci(tables);
    }

    @Test
    void fixturesGiveTheEnginesFindings() {
        List<Path> files = FixtureRunner.fixtureFiles(Path.of("test-claims")).stream()
                .filter(f -> f.getFileName().toString().startsWith("NCCI-")).toList();
        assertThat(files).hasSize(10); // the 8 edits, and the 2 quarter rules (whose cases judge edits across quarters too)
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int cases = 0;
        int claims = 0;
        List<RefFinding> all = new ArrayList<>();
        for (Path file : files) {
            Fixture fixture = FixtureRunner.read(file);
            for (int i = 0; i < fixture.cases().size(); i++) {
                Fixture.Case c = fixture.cases().get(i);
                String name = file.getFileName() + " case " + (i + 1);
                List<JsonNode> nodes = c.claim() != null ? List.of(c.claim()) : c.claims();
                List<ClaimInput> inputs = new ArrayList<>();
                for (JsonNode n : nodes) {
                    inputs.addAll(ClaimReader.read(n.toString(), name, false, inputs.size()));
                }
                if (inputs.stream().anyMatch(in -> in.readable() && !plainNcci(in.claim().payerId()))) {
                    skipped.add(name);
                    continue;
                }
                List<Claim> batch = inputs.stream().map(ClaimInput::claim).toList();
                List<RefFinding> engine = ReferenceChecker.fromResults(
                        AuditEngine.audit(rules, reference, inputs, c.today() != null ? c.today() : TODAY));
                List<RefFinding> checker = ReferenceChecker.check(tables, batch);
                String d = ReferenceChecker.diff(engine, checker);
                if (!d.isEmpty()) {
                    failures.add(name + " (" + c.description() + "): " + d);
                }
                cases++;
                claims += inputs.size();
                all.addAll(engine);
            }
        }
        System.out.printf("reference checker vs engine: %d fixture cases (%d claims) compared, %d skipped (payer policies): %s%n",
                cases, claims, skipped.size(), skipped);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        assertThat(all.stream().map(RefFinding::ruleId).distinct()).containsExactlyInAnyOrderElementsOf(ReferenceChecker.RULE_IDS);
    }

    /** A payer the checker models: its policy (or the default it falls back to) has no entries and applies all NCCI tables. */
    private static boolean plainNcci(String payerId) {
        PayerPolicy p = rules.policies().resolve(payerId).policy();
        return p == null || p.entries().isEmpty() && p.ncci().containsAll(Set.of("practitioner", "hospital", "dme"));
    }

    @Test
    void randomBatchesGiveTheEnginesFindings() {
        RandomClaims gen = new RandomClaims(Path.of("test-claims/ncci-sample"));
        TreeMap<String, Integer> byRule = new TreeMap<>();
        int total = 0;
        for (long seed : new long[] {1, 2, 3}) {
            List<Claim> claims = gen.generate(seed, 2000);
            List<ClaimInput> inputs = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
                inputs.add(ClaimInput.ok(i, "random-" + seed, claims.get(i)));
            }
            List<AuditResult> results = AuditEngine.audit(rules, reference, inputs, TODAY);
            assertThat(results).noneMatch(r -> r.status() == AuditResult.Status.ERROR);
            List<RefFinding> engine = ReferenceChecker.fromResults(results);
            List<RefFinding> checker = ReferenceChecker.check(tables, claims);
            assertThat(ReferenceChecker.diff(engine, checker)).as("seed " + seed).isEmpty();
            engine.forEach(f -> byRule.merge(f.ruleId(), 1, Integer::sum));
            total += claims.size();
        }
        System.out.printf("reference checker vs engine: %d random claims compared, findings by rule %s%n", total, byRule);
        assertThat(byRule.keySet()).containsExactlyInAnyOrderElementsOf(new TreeSet<>(ReferenceChecker.RULE_IDS));
    }

    @Test
    void diffIsAMultisetComparison() {
        RefFinding a = new RefFinding(0, ReferenceChecker.PTP_PAIR, List.of(2));
        RefFinding b = new RefFinding(1, ReferenceChecker.MUE_LINE, List.of(1));
        assertThat(ReferenceChecker.diff(List.of(a, b, a), List.of(a, a, b))).isEmpty();
        assertThat(ReferenceChecker.diff(List.of(a, a), List.of(a))).contains("1 expected but missing", "NCCI-PTP-PAIR");
        assertThat(ReferenceChecker.diff(List.of(a), List.of(a, b))).contains("1 not expected", "NCCI-MUE-LINE");
    }

    /**
     * Suspected engine bug, not fixed here: a line with no procedure code on the same patient and day as an add-on line
     * makes NcciEdits.hasPrimary call AddOnEdit.accepts(null), whose immutable Set.contains(null) throws a
     * NullPointerException out of fireAllRules, so AuditEngine.audit throws for the whole batch. The checker takes
     * such a line as "not a primary" (the add-on line gets NCCI-AOC-NO-PRIMARY); enable once the engine agrees.
     */
    @Test
    void lineWithoutCodeNextToAnAddOn() {
        LocalDate d = LocalDate.of(2026, 3, 2);
        Claim c = new Claim("NOCODE-1", Claim.ClaimType.PROFESSIONAL, "MEDICARE",
                new Claim.Patient("P-NOCODE", LocalDate.of(1950, 1, 1), Claim.Sex.F),
                new Claim.Provider("1234567893", "123456789"), null, "11", d.plusDays(5), List.of("M54.50"),
                List.of(new Claim.ServiceLine(1, d, null, "99292", List.of(), 1, new BigDecimal("10.00"), List.of(1), null, null),
                        new Claim.ServiceLine(2, d, null, null, List.of(), 1, new BigDecimal("10.00"), List.of(1), null, null)));
        List<RefFinding> checker = ReferenceChecker.check(tables, List.of(c));
        assertThat(checker).containsExactly(new RefFinding(0, ReferenceChecker.AOC_NO_PRIMARY, List.of(1)));
        List<RefFinding> engine = ReferenceChecker.fromResults(
                AuditEngine.audit(rules, reference, List.of(ClaimInput.ok(0, "no-code", c)), TODAY));
        assertThat(ReferenceChecker.diff(engine, checker)).isEmpty();
    }

    /** Not a timed test: prints the checker's single-thread throughput (and the engine's) for a rough idea. */
    @Test
    void throughput() {
        List<Claim> claims = new RandomClaims(Path.of("test-claims/ncci-sample")).generate(42, 5000);
        int findings = 0;
        for (int i = 0; i < 30; i++) {
            findings = ReferenceChecker.check(tables, claims).size();
        }
        int rounds = 30;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            findings = ReferenceChecker.check(tables, claims).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ClaimInput> inputs = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            inputs.add(ClaimInput.ok(i, "throughput", claims.get(i)));
        }
        AuditEngine.audit(rules, reference, inputs, TODAY);
        long engineStart = System.nanoTime();
        AuditEngine.audit(rules, reference, inputs, TODAY);
        double engineSeconds = (System.nanoTime() - engineStart) / 1e9;
        System.out.printf("reference checker: %,.0f claims/s single thread (%d claims, %d findings); "
                        + "engine (all rules, %d threads): %,.0f claims/s%n",
                rounds * claims.size() / seconds, claims.size(), findings, Runtime.getRuntime().availableProcessors(),
                claims.size() / engineSeconds);
        assertThat(findings).isPositive();
    }
}
