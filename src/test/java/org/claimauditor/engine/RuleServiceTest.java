package org.claimauditor.engine;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimauditor.engine.RuleFolder.rule;
import static org.claimauditor.engine.RuleFolder.write;

class RuleServiceTest {

    @TempDir
    Path dir;

    static final String CLAIM = """
            {"claimId":"C-1","claimType":"PROFESSIONAL","payerId":"MEDICARE",
             "patient":{"id":"P-1","birthDate":"1958-04-02","sex":"F"},"billingProvider":{"npi":"1234567893"},
             "placeOfService":"11","diagnoses":["E11.9"],
             "lines":[{"lineNumber":1,"serviceDate":"2026-03-02","procedureCode":"99213","units":3,"charge":10}]}""";

    private RuleService service() {
        write(dir, "rules/checks/A.drl", rule("checks", "A", "units > 5"));
        return new RuleService(new RuleSetLoader(dir.resolve("rules"), dir.resolve("policies")));
    }

    @Test
    void badDrlKeepsTheOldRulesAndSaysWhy() {
        RuleService rules = service();
        String before = rules.current().version();
        write(dir, "rules/checks/A.drl", rule("checks", "A", "units > 2").replace("end", "ned"));
        RuleService.ReloadOutcome outcome = rules.reload();
        assertThat(outcome.reloaded()).isFalse();
        assertThat(outcome.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.file()).endsWith("A.drl"));
        assertThat(rules.current().version()).isEqualTo(before);
        // still the old condition (units > 5): three units pass
        assertThat(audit(rules.current()).findings()).isEmpty();

        write(dir, "rules/checks/A.drl", rule("checks", "A", "units > 2"));
        assertThat(rules.reload().reloaded()).isTrue();
        assertThat(rules.current().version()).isNotEqualTo(before);
        assertThat(audit(rules.current()).findings()).extracting(Finding::ruleId).containsExactly("A");
    }

    @Test
    void auditsInFlightDuringReloadsAllSucceed() throws Exception {
        RuleService rules = service();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> auditors = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            auditors.add(pool.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    AuditResult r = audit(rules.current());
                    assertThat(r.status()).isIn(AuditResult.Status.PASS, AuditResult.Status.REJECT);
                    assertThat(r.error()).isNull();
                    n++;
                }
                return n;
            }));
        }
        int ok = 0;
        for (int i = 0; i < 6; i++) {
            boolean broken = i % 2 == 1;
            String drl = rule("checks", "A", "units > " + (i % 3 + 1));
            write(dir, "rules/checks/A.drl", broken ? drl.replace("when", "wen") : drl);
            RuleService.ReloadOutcome outcome = rules.reload();
            assertThat(outcome.reloaded()).isEqualTo(!broken);
            ok += outcome.reloaded() ? 1 : 0;
        }
        stop.set(true);
        int audits = 0;
        for (Future<Integer> f : auditors) {
            audits += f.get(30, TimeUnit.SECONDS); // rethrows any failed audit
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(3);
        assertThat(audits).isPositive();
    }

    private static AuditResult audit(RuleSet rs) {
        ClaimInput in = ClaimReader.readOne(CLAIM, "t");
        return AuditEngine.auditOne(rs, Reference.NONE, in, LocalDate.of(2026, 6, 1));
    }
}
