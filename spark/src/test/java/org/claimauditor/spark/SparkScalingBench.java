package org.claimauditor.spark;

import org.apache.spark.sql.SparkSession;
import org.claimauditor.bench.ClaimGenerator;
import org.claimauditor.bench.QuarterGenerator;
import org.claimauditor.bench.Universe;
import picocli.CommandLine;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scaling of the Spark job in local mode (BENCHMARKS.md): {@code java -cp … SparkScalingBench MASTER CLAIMS WORK}
 * generates a synthetic quarter and CLAIMS claims in files of 25,000 (once; reused), audits them with the job on
 * MASTER ({@code local[1]}, {@code local[2]}) and prints wall time, claims/s and the peak heap of this JVM, which in
 * local mode is the driver and the executor, sampled every 50 ms.
 */
public final class SparkScalingBench {

    public static void main(String[] args) throws Exception {
        String master = args[0];
        int claims = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        Path quarter = work.resolve("quarter");
        Path in = work.resolve("claims-" + claims);
        long seed = 20261129;
        Universe u = QuarterGenerator.generate(Files.createDirectories(quarter), seed, QuarterGenerator.Size.SMOKE);
        if (!Files.isDirectory(in)) {
            Path tmp = Files.createDirectories(work.resolve("claims-tmp"));
            for (int i = 0, n = 0; n < claims; i++, n += 25_000) {
                ClaimGenerator.writeJsonl(ClaimGenerator.claims(u, seed + i, Math.min(25_000, claims - n)),
                        tmp.resolve(String.format("claims-%03d.jsonl", i)));
            }
            Files.move(tmp, in);
        }
        Path out = work.resolve("out-" + master.replaceAll("\\W", ""));
        SparkEquivalenceTest.deleteTree(out);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        SparkSession spark = SparkSession.builder().master(master).appName("scaling")
                .config("spark.ui.enabled", "false").getOrCreate();
        List<String> a = new ArrayList<>(List.of("--rules", "../rules", "--payer-policies", "../payer-policies",
                "--ncci-dir", quarter.toString(), "--rule-cache", work.resolve("rule-cache").toString(),
                "--today", "2026-06-30", "--out", out.toString(), in.toAbsolutePath().toString()));
        SparkAudit job = new SparkAudit();
        new CommandLine(job).parseArgs(a.toArray(String[]::new));
        ExecutorAuditor.of(new JobSettings("../rules", "../payer-policies", "MEDICARE", quarter.toString(), false,
                null, work.resolve("rule-cache").toString(), java.time.LocalDate.parse("2026-06-30")));
        sampler.start();
        long t0 = System.nanoTime();
        SparkAudit.Outcome outcome = job.run(spark);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        System.out.printf(Locale.ROOT, "%s: %,d claims in %.1f s = %,.0f claims/s; peak heap used %,d MB (-Xmx %,d MB); %s%n",
                master, outcome.claims().get("read"), seconds, outcome.claims().get("read") / seconds,
                peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20, outcome.claims());
        spark.stop();
    }
}
