package org.claimauditor.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule set in service and swaps it atomically on a successful reload. A failed build never
 * replaces what is in service; audits that already took {@link #current()} finish on those rules.
 */
public final class RuleService {

    private final RuleSetLoader loader;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    /** Loads the initial rule set; a broken rules folder fails start-up loudly with every error. */
    public RuleService(RuleSetLoader loader) {
        this.loader = loader;
        current.set(loader.load());
    }

    public RuleSet current() {
        return current.get();
    }

    /** Outcome of a reload: the version now in service, and the errors when the new build failed. */
    public record ReloadOutcome(boolean reloaded, String previousVersion, String version, int rules,
                                List<BuildError> errors, long millis) { }

    /** Builds the rules again; one build at a time, so two reload triggers cannot interleave. */
    public synchronized ReloadOutcome reload() {
        long start = System.nanoTime();
        RuleSet before = current.get();
        try {
            RuleSet next = loader.load();
            current.set(next);
            return new ReloadOutcome(true, before.version(), next.version(), next.catalog().size(), List.of(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuleBuildException e) {
            return new ReloadOutcome(false, before.version(), before.version(), before.catalog().size(), e.errors(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Content hash of the files on disk; differs from {@code current().version()} when files changed. */
    public String versionOnDisk() {
        return loader.version();
    }
}
