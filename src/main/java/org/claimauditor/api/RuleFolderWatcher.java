package org.claimauditor.api;

import org.claimauditor.engine.RuleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With {@code auditor.watch=true}, polls the content hash of rules/ and payer-policies/ and reloads when it
 * changes. Polling a hash (not file events) also sees edits on network shares and editors that replace files.
 */
@Component
@ConditionalOnProperty(name = "auditor.watch", havingValue = "true")
class RuleFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final RuleService rules;
    private String lastSeen;

    RuleFolderWatcher(RuleService rules) {
        this.rules = rules;
        this.lastSeen = rules.current().version();
    }

    @Scheduled(fixedDelayString = "${auditor.watch-interval:2s}")
    void poll() {
        String onDisk;
        try {
            onDisk = rules.versionOnDisk();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the rule folders: {}", e.getMessage());
            return;
        }
        if (onDisk.equals(lastSeen)) {
            return;
        }
        lastSeen = onDisk; // a broken edit is reported once, not every poll
        RuleService.ReloadOutcome outcome = rules.reload();
        if (outcome.reloaded()) {
            LOG.info("rules reloaded: {} -> {} ({} rules, {} ms)", outcome.previousVersion(), outcome.version(),
                    outcome.rules(), outcome.millis());
        } else {
            LOG.error("rule change not applied, still serving {}:\n{}", outcome.version(),
                    String.join("\n", outcome.errors().stream().map(Object::toString).toList()));
        }
    }
}
