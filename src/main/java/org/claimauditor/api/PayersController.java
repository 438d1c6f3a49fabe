package org.claimauditor.api;

import org.claimauditor.engine.RuleService;
import org.claimauditor.policy.PayerPolicy;
import org.claimauditor.policy.PolicyEntry;
import org.claimauditor.policy.PolicySet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The payer policies in service (they reload with the rules). */
@RestController
@RequestMapping("/api/v1/payers")
class PayersController {

    private final RuleService rules;

    PayersController(RuleService rules) {
        this.rules = rules;
    }

    record Entry(String id, String kind, String description, String source, String severity, String enforcement,
                 LocalDate from, LocalDate to, String codes, org.claimauditor.engine.Remittance remittance, int line) { }

    record Payer(String file, String name, List<String> payers, LocalDate from, LocalDate to, Set<String> ncci,
                 boolean isDefault, List<Entry> entries) { }

    record Payers(String ruleSetVersion, String defaultPayer, List<Payer> policies) { }

    @GetMapping
    Payers payers() {
        PolicySet set = rules.current().policies();
        List<Payer> out = set.policies().stream().map(p -> payer(p, set.defaultPayer())).toList();
        return new Payers(rules.current().version(), set.defaultPayer(), out);
    }

    private static Payer payer(PayerPolicy p, String defaultPayer) {
        List<Entry> entries = p.entries().stream().map(PayersController::entry).toList();
        return new Payer(p.fileName(), p.name(), p.payers(), p.from(), p.to(), p.ncci(), p.payers().contains(defaultPayer), entries);
    }

    private static Entry entry(PolicyEntry e) {
        String codes = String.join(", ", e.codes().stream().map(Object::toString).toList());
        return new Entry(e.id(), e.kind(), e.description(), e.source(), e.effectiveSeverity().name(),
                e.enforcement().name().toLowerCase(java.util.Locale.ROOT), e.from(), e.to(), codes, e.remittance(), e.line());
    }
}
