package org.claimauditor.bench;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.engine.RuleSetLoader;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench}: measures the auditor at full NCCI scale on generated data and prints the figures BENCHMARKS.md
 * reports — table load time and heap, batch throughput against the plain-Java reference checker (and whether both
 * found exactly the same NCCI findings), rule reload time with full tables, and REST latency under load.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = EndToEndBench.class,
        description = "Benchmark on a generated full-size NCCI quarter and claim batch; prints load time, heap, "
                + "throughput (engine vs plain-Java reference), reload time and REST latency. 'bench e2e' measures the "
                + "real audit command on JSON Lines files instead.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--size", defaultValue = "full", description = "Quarter size: full (1.8M PTP rows) or smoke (30k). Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--claims", defaultValue = "1000000", description = "Claims in the batch (default: ${DEFAULT-VALUE}).")
    int claims;

    @Option(names = "--chunk", defaultValue = "50000", description = "Claims generated and audited per step (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--seed", defaultValue = "20261125", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", defaultValue = "target/bench", description = "Where the generated quarter is written (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--rest-rate", defaultValue = "200", description = "REST requests per second (0 skips the REST test; default: ${DEFAULT-VALUE}).")
    int restRate;

    @Option(names = "--rest-seconds", defaultValue = "20", description = "REST test duration in seconds (default: ${DEFAULT-VALUE}).")
    int restSeconds;

    @Option(names = "--rules", defaultValue = "rules",
            description = "Rules folder (default: ${DEFAULT-VALUE}); e.g. a folder with only rules/ncci to compare like with like.")
    Path rulesDir;

    @Option(names = "--reloads", defaultValue = "3", description = "Rule reloads timed (default: ${DEFAULT-VALUE}).")
    int reloads;

    @Option(names = "--quarters", defaultValue = "1",
            description = "Load the generated quarter as 1 to 4 consecutive quarters of 2026 (PTP v32.0-v32.3, MUE and "
                    + "AOC files of each), as a multi-quarter folder is loaded; the claims stay in the first (default: ${DEFAULT-VALUE}).")
    int quarters;

    @Override
    public Integer call() throws Exception {
        QuarterGenerator.Size quarterSize = size.equalsIgnoreCase("smoke") ? QuarterGenerator.Size.SMOKE : QuarterGenerator.Size.FULL;
        Path quarter = work.resolve("quarter-" + size.toLowerCase(Locale.ROOT) + "-" + seed);
        Files.createDirectories(quarter);
        long t0 = System.nanoTime();
        Universe universe = QuarterGenerator.generate(quarter, seed, quarterSize);
        double genSeconds = seconds(t0);
        println("machine: %d cores, max heap %d MB, %s %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        println("generated quarter in %.1f s: %s", genSeconds, quarter);

        Path tablesDir = quarters == 1 ? quarter
                : QuarterCopies.make(quarter, work.resolve("quarters-" + quarters + "-" + size.toLowerCase(Locale.ROOT) + "-" + seed), quarters);
        long heapBefore = usedHeapAfterGc();
        t0 = System.nanoTime();
        NcciTables tables = NcciLoader.load(tablesDir);
        double loadSeconds = seconds(t0);
        long heapTables = usedHeapAfterGc() - heapBefore;
        println("table load: %,d rows (%d quarter(s)) in %.2f s; heap held by the tables %,d MB (heap in use %,d MB)",
                tables.rowsRead(), quarters, loadSeconds, heapTables >> 20, usedHeapAfterGc() >> 20);

        t0 = System.nanoTime();
        RuleService rules = new RuleService(new RuleSetLoader(rulesDir, Path.of("payer-policies")));
        double firstBuild = seconds(t0);
        List<Double> reloadTimes = new ArrayList<>();
        for (int i = 0; i < reloads; i++) {
            RuleService.ReloadOutcome r = rules.reload();
            reloadTimes.add(r.millis() / 1000.0);
        }
        println("rules: %d rules from %s; first build %.2f s, reload with full tables loaded: median %.2f s of %s",
                rules.current().catalog().size(), rulesDir, firstBuild, median(reloadTimes), reloadTimes);

        Reference reference = Reference.ofNcci(tables);
        RuleSet rs = rules.current();
        LocalDate today = LocalDate.of(2026, 6, 30);
        long engineNanos = 0;
        long refNanos = 0;
        long done = 0;
        long ncciFindings = 0;
        int mismatchedChunks = 0;
        String firstDiff = "";
        Iterator<Claim> it = ClaimGenerator.claims(universe, seed, claims);
        // warm-up: the JIT compiles the rule network and the checker before anything is timed
        List<Claim> warm = take(ClaimGenerator.claims(universe, seed + 1, Math.min(20_000, claims)), 20_000);
        AuditEngine.audit(rs, reference, inputs(warm), today);
        ReferenceChecker.check(tables, warm);
        while (it.hasNext()) {
            List<Claim> batch = take(it, chunk);
            List<ClaimInput> in = inputs(batch);
            long s = System.nanoTime();
            List<AuditResult> results = AuditEngine.audit(rs, reference, in, today);
            engineNanos += System.nanoTime() - s;
            s = System.nanoTime();
            List<RefFinding> expected = ReferenceChecker.check(tables, batch);
            refNanos += System.nanoTime() - s;
            List<RefFinding> actual = ReferenceChecker.fromResults(results);
            ncciFindings += actual.size();
            String diff = ReferenceChecker.diff(expected, actual);
            if (!diff.isEmpty()) {
                mismatchedChunks++;
                if (firstDiff.isEmpty()) {
                    firstDiff = diff;
                }
            }
            done += batch.size();
        }
        double engineRate = done / (engineNanos / 1e9);
        double refRate = done / (refNanos / 1e9);
        println("batch: %,d claims, %,d NCCI findings; engine %,.0f claims/s (%.1f s); reference %,.0f claims/s (%.1f s); "
                        + "engine/reference %.1f %%", done, ncciFindings, engineRate, engineNanos / 1e9, refRate, refNanos / 1e9,
                100 * engineRate / refRate);
        println("findings identical to the reference: %s%s", mismatchedChunks == 0 ? "yes" : "NO (" + mismatchedChunks + " chunks differ)",
                firstDiff.isEmpty() ? "" : "\n" + firstDiff);

        if (restRate > 0) {
            RestLoad.Result r = RestLoad.run(tablesDir, universe, seed, restRate, restSeconds);
            println("REST: %d requests at %d/s over %d s from a loopback client: p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d",
                    r.requests(), restRate, restSeconds, r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors());
        }
        return mismatchedChunks == 0 ? 0 : 1;
    }

    private static List<Claim> take(Iterator<Claim> it, int n) {
        List<Claim> out = new ArrayList<>(n);
        while (it.hasNext() && out.size() < n) {
            out.add(it.next());
        }
        return out;
    }

    private static List<ClaimInput> inputs(List<Claim> claims) {
        List<ClaimInput> in = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            in.add(ClaimInput.ok(i, "generated", claims.get(i)));
        }
        return in;
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static void println(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
