package org.claimauditor.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule set in service and swaps it atomically on a successful reload. A failed build never
 * replaces what is in service; audits that already took {@link #current()} finish on those rules.
 * Each build reads the files once ({@link RuleSnapshot}), so the version in service is the hash of exactly
 * the files that rule set was built from, however the folders change during the build.
 */
public final class RuleService {

    private final RuleSetLoader loader;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private volatile String lastBuiltFiles;

    /** Loads the initial rule set; a broken rules folder fails start-up loudly with every error. */
    public RuleService(RuleSetLoader loader) {
        this.loader = loader;
        RuleSnapshot snapshot = loader.snapshot();
        lastBuiltFiles = snapshot.version();
        current.set(loader.load(snapshot));
    }

    public RuleSet current() {
        return current.get();
    }

    /**
     * Outcome of a reload: the version now in service, and the errors when the new build failed.
     * {@code filesVersion} is the hash of the files that were read and built (equal to {@code version} on success).
     */
    public record ReloadOutcome(boolean reloaded, String previousVersion, String version, String filesVersion,
                                int rules, List<BuildError> errors, long millis) { }

    /** Builds the rules again; one build at a time, so two reload triggers cannot interleave. */
    public synchronized ReloadOutcome reload() {
        long start = System.nanoTime();
        RuleSet before = current.get();
        String files = null;
        try {
            RuleSnapshot snapshot = loader.snapshot();
            files = snapshot.version();
            lastBuiltFiles = files;
            RuleSet next = loader.load(snapshot);
            current.set(next);
            return new ReloadOutcome(true, before.version(), next.version(), files, next.catalog().size(), List.of(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuleBuildException e) {
            return new ReloadOutcome(false, before.version(), before.version(), files, before.catalog().size(),
                    e.errors(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Content hash of the files on disk now; differs from {@code current().version()} when files changed. */
    public String versionOnDisk() {
        return loader.version();
    }

    /**
     * Hash of the files of the last build attempt, successful or not, so a watcher does not build the same
     * broken files twice (the version in service stays the last good one).
     */
    public String lastBuiltFiles() {
        return lastBuiltFiles;
    }
}
