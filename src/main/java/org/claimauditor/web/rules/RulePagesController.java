package org.claimauditor.web.rules;

import org.claimauditor.api.AuditorProperties;
import org.claimauditor.engine.RuleInfo;
import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.web.WebProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rule catalog, one rule with its doc, and reload (COMPLIANCE and ADMIN; the others do not see the button). */
@Controller
@RequestMapping("/rules")
class RulePagesController {

    private final RuleService rules;
    private final RuleDocs docs;
    private final Clock clock;

    RulePagesController(RuleService rules, AuditorProperties auditor, WebProperties web, Clock clock) {
        this.rules = rules;
        this.docs = new RuleDocs(auditor.rulesDir(), web.fixturesDir());
        this.clock = clock;
    }

    @GetMapping
    String catalog(Model model) {
        RuleSet rs = rules.current();
        model.addAttribute("rules", rs);
        model.addAttribute("fixtures", rs.catalog().stream()
                .collect(Collectors.toMap(RuleInfo::id, r -> docs.fixtureCases(r.id()), (a, b) -> a)));
        return "rules/catalog";
    }

    @GetMapping("/{id}")
    String rule(@PathVariable String id, Model model) throws IOException {
        Map<String, RuleInfo> byId = rules.current().catalog().stream()
                .collect(Collectors.toMap(RuleInfo::id, Function.identity(), (a, b) -> a));
        RuleInfo rule = byId.get(id);
        if (rule == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no rule " + id + " in rule set " + rules.current().version());
        }
        model.addAttribute("rule", rule);
        model.addAttribute("doc", docs.html(rule));
        model.addAttribute("fixtureCases", docs.fixtureCases(id));
        return "rules/rule";
    }

    /** Builds the files again; on errors the rules in service stay, and every error is shown as file:line:col. */
    @PostMapping("/reload")
    String reload(Principal user, RedirectAttributes flash) {
        java.time.Instant at = clock.instant();
        RuleService.ReloadOutcome outcome = rules.reload();
        RuleChangeLog.reload(user.getName(), at, outcome);
        flash.addFlashAttribute("reload", outcome);
        flash.addFlashAttribute("reloadErrors", outcome.errors().stream().map(Object::toString).toList());
        return "redirect:/rules";
    }
}
