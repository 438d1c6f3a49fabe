package org.claimauditor.web.rules;

import org.claimauditor.engine.RuleService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The payer policies in service, each with its entries (they reload with the rules). */
@Controller
class PayerPagesController {

    private final RuleService rules;

    PayerPagesController(RuleService rules) {
        this.rules = rules;
    }

    @GetMapping("/payers")
    String payers(Model model) {
        model.addAttribute("version", rules.current().version());
        model.addAttribute("policies", rules.current().policies());
        return "rules/payers";
    }
}
