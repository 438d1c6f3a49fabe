package org.claimauditor.spark;

import org.apache.spark.SparkFiles;
import org.claimauditor.codes.CodeSetLoader;
import org.claimauditor.codes.CodeSets;
import org.claimauditor.engine.CompiledRuleCache;
import org.claimauditor.engine.Limits;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.RuleSetLoader;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.pipeline.RunReference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules, NCCI tables and code sets of a job, loaded once per JVM (each executor, and the driver, which loads
 * them first to fail fast on a bad rule or table) and shared by every task that runs there: building the rules and
 * reading a quarter's two million PTP rows take seconds and hundreds of MB, far too much per partition.
 */
public final class ExecutorAuditor {

    private static final ConcurrentHashMap<JobSettings, ExecutorAuditor> LOADED = new ConcurrentHashMap<>();

    private final RuleSet rules;
    private final Reference reference;
    private final RunReference run;

    private ExecutorAuditor(RuleSet rules, Reference reference) {
        this.rules = rules;
        this.reference = reference;
        this.run = RunReference.of(rules, reference);
    }

    /** The loaded job of {@code s}; the first task of a JVM loads it, the others wait for it. */
    public static ExecutorAuditor of(JobSettings s) {
        return LOADED.computeIfAbsent(s, ExecutorAuditor::load);
    }

    public RuleSet rules() {
        return rules;
    }

    public Reference reference() {
        return reference;
    }

    public RunReference run() {
        return run;
    }

    public Limits limits() {
        return Limits.DEFAULTS;
    }

    private static ExecutorAuditor load(JobSettings s) {
        CompiledRuleCache cache = CompiledRuleCache.of(s.ruleCache());
        // RuleBuildException, NcciLoadException and CodeSetLoadException name the file and line already
        RuleSet rules = new RuleSetLoader(local(s.rulesDir()), local(s.policiesDir()), s.defaultPayer())
                .withCache(cache).load();
        NcciTables ncci = s.noNcci() ? NcciTables.NONE : NcciLoader.load(local(s.ncciDir()));
        CodeSets codes = s.codeSetsDir() == null ? CodeSets.EMPTY : CodeSetLoader.load(local(s.codeSetsDir())).codeSets();
        return new ExecutorAuditor(rules, new Reference(ncci, codes));
    }

    /**
     * A path as given when it exists on this node (a shared file system, or the same path on every node), else the
     * file or archive of that name shipped with {@code spark-submit --files/--archives}, else the path as given (the
     * loader then says it is missing).
     */
    static Path local(String path) {
        Path p = Path.of(path);
        if (Files.exists(p)) {
            return p;
        }
        try {
            Path shipped = Path.of(SparkFiles.get(p.getFileName().toString()));
            if (Files.exists(shipped)) {
                return shipped;
            }
        } catch (RuntimeException e) {
            // no SparkContext in this JVM (not a Spark process): only the path as given can exist
        }
        return p;
    }
}
