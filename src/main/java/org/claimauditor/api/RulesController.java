package org.claimauditor.api;

import org.claimauditor.engine.RuleInfo;
import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/** The rule catalog and reload. */
@RestController
@RequestMapping("/api/v1/rules")
class RulesController {

    private static final Logger LOG = LoggerFactory.getLogger(RulesController.class);

    private final RuleService rules;

    RulesController(RuleService rules) {
        this.rules = rules;
    }

    record Catalog(String version, Instant loadedAt, List<String> referenceData, List<String> warnings,
                   List<RuleInfo> rules) { }

    @GetMapping
    Catalog catalog() {
        RuleSet rs = rules.current();
        return new Catalog(rs.version(), rs.loadedAt(), rs.referenceData(), rs.warnings(), rs.catalog());
    }

    /** 200 with the new version, or 422 listing every file:line:column error while the old rules stay in service. */
    @PostMapping("/reload")
    ResponseEntity<?> reload(Principal user) {
        Instant at = Instant.now();
        RuleService.ReloadOutcome outcome = rules.reload();
        // the audit trail of who changed the rules in service; no claim data here
        if (outcome.reloaded()) {
            LOG.info("rules reloaded by '{}' at {}: {} -> {} ({} rules, {} ms)", user.getName(), at,
                    outcome.previousVersion(), outcome.version(), outcome.rules(), outcome.millis());
            return ResponseEntity.ok(outcome);
        }
        LOG.warn("rule reload by '{}' at {} refused: {} error(s), {} stays in service", user.getName(), at,
                outcome.errors().size(), outcome.version());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                outcome.errors().size() + " error(s); rule set " + outcome.version() + " stays in service.");
        pd.setTitle("Rules did not build");
        pd.setProperty("errors", outcome.errors().stream().map(Object::toString).toList());
        pd.setProperty("version", outcome.version());
        return ResponseEntity.unprocessableEntity().body(pd);
    }
}
