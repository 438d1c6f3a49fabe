package org.claimauditor.web.impact;

import org.claimauditor.engine.RuleBuildException;
import org.claimauditor.web.WebProperties;
import org.claimauditor.web.batch.BatchRun;
import org.claimauditor.web.batch.BatchRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.security.Principal;

/**
 * Rule-change impact (COMPLIANCE, ADMIN): pick a finished batch and a candidate rules folder, see the findings the
 * candidate adds, removes or changes in severity, and the money they move. Runs in the request: two streamed audits
 * of a batch the host already audited once.
 */
@Controller
@RequestMapping("/impact")
class ImpactController {

    private static final Logger LOG = LoggerFactory.getLogger("org.claimauditor.audit-trail");

    private final ImpactRunner impact;
    private final BatchRuns runs;
    private final WebProperties web;

    ImpactController(ImpactRunner impact, BatchRuns runs, WebProperties web) {
        this.impact = impact;
        this.runs = runs;
        this.web = web;
    }

    @GetMapping
    String form(Model model) throws IOException {
        model.addAttribute("batches", runs.finished());
        model.addAttribute("candidates", impact.candidates());
        model.addAttribute("root", web.candidateRulesRoot().toAbsolutePath().normalize());
        return "impact/form";
    }

    @PostMapping
    String compare(@RequestParam(name = "batch", required = false) String batchId,
                   @RequestParam(name = "candidate", required = false) String candidate,
                   Principal user, Model model) throws IOException {
        model.addAttribute("selectedBatch", batchId);
        model.addAttribute("selectedCandidate", candidate);
        BatchRun batch = runs.get(batchId);
        if (batch == null || !batch.done()) {
            model.addAttribute("impactError", "Choose a finished batch audit (run one on the Batch audits page first).");
            return form(model);
        }
        try {
            ImpactReport report = impact.compare(batch, candidate);
            // who compared what, not what the claims held
            LOG.info("rule-change impact run by '{}': batch {} against candidate '{}' ({} vs {}): {} finding change(s)",
                    user.getName(), batch.id(), candidate, report.serviceVersion(), report.candidateVersion(),
                    report.changes());
            model.addAttribute("report", report);
        } catch (RuleBuildException e) {
            model.addAttribute("impactError", "The candidate rules did not build:");
            model.addAttribute("buildErrors", e.errors().stream().map(Object::toString).toList());
        } catch (IllegalArgumentException e) {
            model.addAttribute("impactError", e.getMessage());
        }
        return form(model);
    }
}
