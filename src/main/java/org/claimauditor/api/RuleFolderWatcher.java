package org.claimauditor.api;

import org.claimauditor.engine.RuleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * With {@code auditor.watch=true}, polls the content hash of rules/ and payer-policies/ and reloads when it
 * changes. Polling a hash (not file events) also sees edits on network shares and editors that replace files.
 * A change is built only once the folders are stable, i.e. the same hash on two consecutive polls (an editor
 * saving several files, or a copy in progress, is not built half-way), and only once per content: files that
 * were already built, whether they built or not, are not built again.
 */
@Component
@ConditionalOnProperty(name = "auditor.watch", havingValue = "true")
class RuleFolderWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final RuleService rules;
    private final AtomicLong reloads = new AtomicLong();
    private String pending;

    RuleFolderWatcher(RuleService rules) {
        this.rules = rules;
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
        if (onDisk.equals(rules.lastBuiltFiles())) {
            pending = null; // nothing new, or an edit was undone before it settled
            return;
        }
        if (!onDisk.equals(pending)) {
            pending = onDisk; // changed since the last poll: wait until it holds still
            return;
        }
        pending = null;
        reloads.incrementAndGet();
        RuleService.ReloadOutcome outcome = rules.reload();
        if (outcome.reloaded()) {
            LOG.info("rules reloaded: {} -> {} ({} rules, {} ms)", outcome.previousVersion(), outcome.version(),
                    outcome.rules(), outcome.millis());
        } else {
            LOG.error("rule change {} not applied, still serving {}:\n{}", outcome.filesVersion(), outcome.version(),
                    String.join("\n", outcome.errors().stream().map(Object::toString).toList()));
        }
    }

    /** Builds started by the watcher since start-up. */
    long reloads() {
        return reloads.get();
    }
}
