package org.claimauditor.bench;

import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * {@code bench e2e}: the path users run. Generates a quarter and N claims as JSON Lines files, runs the real
 * {@code audit} command on them in a child JVM ({@code java -Xmx<heap> -jar <this jar> audit …}) and measures it
 * from outside (wall time, claims/s end to end, peak heap from its GC log, peak RSS); runs the plain-Java reference
 * on the same files in this JVM (parse + check); and compares the NCCI findings of the audit's results file with
 * the reference's, claim for claim. Exit 0 when every run completed with identical findings, else 1.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "End to end: generate JSON Lines claims, run the real 'audit' in a child JVM, measure claims/s, "
                + "peak heap and RSS, and compare its NCCI findings and speed with the plain-Java reference on the same files.")
public final class EndToEndBench implements Callable<Integer> {

    /** The audit date passed to every run, so results do not depend on the day the benchmark runs. */
    static final String TODAY = "2026-06-30";
    static final int WARM_UP = 20_000;

    @Option(names = "--size", defaultValue = "full", description = "Quarter size: full (1.8M PTP rows) or smoke (30k). Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--claims", defaultValue = "1000000", description = "Claims to generate and audit (default: ${DEFAULT-VALUE}).")
    int claims;

    @Option(names = "--claims-per-file", defaultValue = "250000", description = "Claims per JSON Lines file (default: ${DEFAULT-VALUE}).")
    int perFile;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of the audit's JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--format", defaultValue = "json,csv,html", description = "--format passed to audit (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--runs", defaultValue = "1", description = "Audit + reference runs on the same files; medians are printed (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "20261125", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", defaultValue = "target/bench", description = "Where the quarter, claims, results and logs go (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--keep", description = "Keep the generated claims and the audit's output (a later run with the same --size, --seed and --claims reuses the claims).")
    boolean keep;

    @Option(names = "--rules", defaultValue = "rules", description = "--rules passed to audit (default: ${DEFAULT-VALUE}).")
    Path rulesDir;

    @Option(names = "--timeout", defaultValue = "0", description = "Stop the audit after this many minutes (0: no limit; default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--jar", description = "The jar whose audit is run (default: the jar this command runs from).")
    Path jar;

    /** What one run measured. */
    record Run(ChildAudit audit, ReferenceRun reference, ResultFindings results, String diff) {

        double auditRate(int claims) {
            return claims / (audit.wallNanos() / 1e9);
        }

        boolean identical() {
            return results != null && results.problems().isEmpty() && diff.isEmpty();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || claims < 1) {
            System.err.println("--runs and --claims must be at least 1");
            return 2;
        }
        Path auditJar = jar != null ? jar : ChildAudit.runningJar();
        if (auditJar == null || !Files.isRegularFile(auditJar)) {
            System.err.println("bench e2e runs 'audit' from the packaged jar: build it (mvn package) and run "
                    + "java -jar target/claim-auditor.jar bench e2e …, or name one with --jar"
                    + (auditJar == null ? "" : " (" + auditJar + " is not a file)"));
            return 2;
        }
        QuarterGenerator.Size quarterSize = size.equalsIgnoreCase("smoke") ? QuarterGenerator.Size.SMOKE : QuarterGenerator.Size.FULL;
        String tag = size.toLowerCase(Locale.ROOT) + "-" + seed;
        Path quarter = work.resolve("quarter-" + tag);
        Files.createDirectories(quarter);
        long t0 = System.nanoTime();
        Universe universe = QuarterGenerator.generate(quarter, seed, quarterSize);
        println("machine: %d cores, %s %s; audit from %s with -Xmx%s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), auditJar, heap);
        println("generated quarter in %.1f s: %s", seconds(t0), quarter);
        t0 = System.nanoTime();
        ClaimFiles files = ClaimFiles.generate(work.resolve("e2e-claims-" + tag + "-" + claims), universe, seed, claims, perFile);
        println("claims: %,d in %d JSON Lines file(s), %,d MB, ready in %.1f s: %s", files.claims(), files.files().size(),
                files.bytes() >> 20, seconds(t0), files.dir());
        t0 = System.nanoTime();
        NcciTables tables = NcciLoader.load(quarter);
        println("reference tables loaded in this JVM in %.2f s (not counted in the reference's time)", seconds(t0));
        // The reference is timed warm (as it reaches its speed within seconds), on other claims than the audit's.
        t0 = System.nanoTime();
        int warmUp = Math.min(WARM_UP, claims);
        ClaimFiles warm = ClaimFiles.generate(work.resolve("e2e-warmup-" + tag), universe, seed + 1, warmUp, warmUp);
        ReferenceRun.run(tables, warm.files(), work.resolve("e2e-reference-spill"));
        ClaimFiles.deleteTree(warm.dir());
        println("reference warmed up on %,d other claims in %.1f s", warmUp, seconds(t0));

        Path out = work.resolve("e2e-out");
        Path logs = work.resolve("e2e-logs");
        // the audit history's cost is measured on its own (BENCHMARKS.md, "Recording the audit history")
        List<String> args = List.of("--ncci-dir", quarter.toString(), "--rules", rulesDir.toString(), "--today", TODAY,
                "--format", format, "--no-record", "--out", out.toString(), files.dir().toString());
        List<Run> done = new ArrayList<>();
        boolean ok = true;
        for (int i = 1; i <= runs && ok; i++) {
            ClaimFiles.deleteTree(out);
            ChildAudit audit = ChildAudit.run(auditJar, heap, args, logs, timeoutMinutes * 60);
            Run run = measure(audit, tables, files, out);
            done.add(run);
            print(i, run, files.claims());
            ok = run.identical();
        }
        if (done.size() > 1) {
            printMedians(done, files.claims());
        }
        if (!keep) {
            ClaimFiles.deleteTree(out);
            ClaimFiles.deleteTree(files.dir());
        }
        println("logs of the last audit (GC log, stdout, stderr): %s", logs);
        return ok ? 0 : 1;
    }

    private static Run measure(ChildAudit audit, NcciTables tables, ClaimFiles files, Path out) throws Exception {
        if (!audit.completed()) {
            return new Run(audit, null, null, "");
        }
        ReferenceRun reference = ReferenceRun.run(tables, files.files(), out.resolveSibling("e2e-reference-spill"));
        Path resultsFile = ResultFindings.find(out);
        if (resultsFile == null) {
            return new Run(audit, reference, null, "no " + ResultFindings.JSON + " or " + ResultFindings.JSONL + " in " + out);
        }
        ResultFindings results = ResultFindings.read(resultsFile, reference.claimIds());
        return new Run(audit, reference, results, ReferenceChecker.diff(reference.findings(), results.findings()));
    }

    private static void print(int i, Run r, int claims) {
        ChildAudit a = r.audit();
        GcLog h = a.heap();
        String rate = a.completed() ? String.format(Locale.ROOT, " = %,.0f claims/s end to end", r.auditRate(claims)) : " (did not complete)";
        println("run %d: audit exit %s after %.1f s%s; peak heap used %,d MB (largest after GC %,d MB, committed %,d MB, "
                        + "%d collections), peak RSS %s", i, a.exitCode() == ChildAudit.TIMED_OUT ? "(killed)" : Integer.toString(a.exitCode()),
                a.wallNanos() / 1e9, rate, h.peakUsedBytes() >> 20, h.maxAfterGcBytes() >> 20, h.maxCommittedBytes() >> 20,
                h.collections(), a.peakRssKb() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", a.peakRssKb() >> 10));
        a.stdout().lines().filter(l -> l.startsWith("Audited ") || l.startsWith("  grouped by patient"))
                .forEach(l -> println("  audit said: %s", l.strip()));
        if (!a.completed()) {
            println("  audit did not complete: %s", a.firstErrorLine());
            return;
        }
        ReferenceRun ref = r.reference();
        println("  reference (this JVM): parse %.1f s + check %.1f s = %,.0f claims/s (spill by patient %.1f s, not counted); "
                        + "audit/reference %.1f %%", ref.parseNanos() / 1e9, ref.checkNanos() / 1e9, ref.claimsPerSecond(),
                ref.spillNanos() / 1e9, 100 * r.auditRate(claims) / ref.claimsPerSecond());
        if (r.results() == null) {
            println("  findings identical to the reference: NO (%s)", r.diff());
            return;
        }
        println("  %s: %,d results, %,d NCCI findings (reference %,d)", r.results().file().getFileName(), r.results().results(),
                r.results().findings().size(), ref.findings().size());
        String problems = r.results().problems();
        println("  findings identical to the reference: %s", r.identical() ? "yes"
                : "NO" + (problems.isEmpty() ? "" : "\n" + problems) + (r.diff().isEmpty() ? "" : "\n" + r.diff()));
    }

    private static void printMedians(List<Run> runs, int claims) {
        List<Run> complete = runs.stream().filter(r -> r.reference() != null).toList();
        println("median of %d runs: audit %.1f s = %,.0f claims/s, peak heap %,d MB (largest after GC %,d MB), peak RSS %,d MB; "
                        + "reference %,.0f claims/s; audit/reference %.1f %%", runs.size(),
                median(runs, r -> r.audit().wallNanos() / 1e9), median(runs, r -> r.auditRate(claims)),
                (long) median(runs, r -> r.audit().heap().peakUsedBytes() >> 20),
                (long) median(runs, r -> r.audit().heap().maxAfterGcBytes() >> 20),
                (long) median(runs, r -> r.audit().peakRssKb() >> 10),
                median(complete, r -> r.reference().claimsPerSecond()),
                median(complete, r -> 100 * r.auditRate(claims) / r.reference().claimsPerSecond()));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        List<Double> values = new ArrayList<>();
        runs.forEach(r -> values.add(f.applyAsDouble(r)));
        return values.isEmpty() ? Double.NaN : BenchCommand.median(values);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void println(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
