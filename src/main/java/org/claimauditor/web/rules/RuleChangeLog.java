package org.claimauditor.web.rules;

import org.claimauditor.engine.RuleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The audit trail of changes to the rules and payer policies in service made from the pages (policies reload with
 * the rules): who, when, and the rule-set versions before and after. No claim data is ever logged here.
 */
final class RuleChangeLog {

    private static final Logger LOG = LoggerFactory.getLogger("org.claimauditor.audit-trail");

    private RuleChangeLog() { }

    static void reload(String user, Instant at, RuleService.ReloadOutcome outcome) {
        if (outcome.reloaded()) {
            LOG.info("rules and payer policies reloaded from the pages by '{}' at {}: {} -> {} ({} rules, {} ms)",
                    user, at, outcome.previousVersion(), outcome.version(), outcome.rules(), outcome.millis());
        } else {
            LOG.warn("rule reload from the pages by '{}' at {} refused: {} error(s) in files {}, {} stays in service",
                    user, at, outcome.errors().size(), outcome.filesVersion(), outcome.version());
        }
    }
}
