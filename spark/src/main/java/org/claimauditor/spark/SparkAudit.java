package org.claimauditor.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.claimauditor.report.ResultsFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

/**
 * The auditor on Apache Spark: claims from JSON (Lines), CSV, X12 or Parquet paths are grouped by patient
 * ({@code repartition} on the patient id, sorted within each partition), audited partition by partition with the
 * rules, tables and code sets each executor loads once, and written as the results of {@code audit --results jsonl}
 * (or Parquet) with the compliance report's main aggregates.
 *
 * <pre>OUT/results/                 part files: one result per line (jsonl) or per row (parquet)
 * OUT/compliance-summary.json  claims by status, findings by severity, money at risk, rows by rule, the run's reference
 * OUT/by-provider/, OUT/by-payer/  JSON Lines, ranked by money at risk</pre>
 */
@Command(name = "spark-audit", mixinStandardHelpOptions = true,
        description = "Audit claims on Spark. Exit 0 when no claim is rejected, 1 when any is (or could not be read), "
                + "2 on bad usage or unreadable rules or tables.")
public final class SparkAudit implements Callable<Integer> {

    public static final String RESULTS = "results";
    public static final String SUMMARY = "compliance-summary.json";
    public static final String BY_PROVIDER = "by-provider";
    public static final String BY_PAYER = "by-payer";

    @Option(names = "--rules", defaultValue = "rules", description = "Rules folder: a path on every node, or the name of a folder shipped with --archives (default: ${DEFAULT-VALUE}).")
    String rulesDir;

    @Option(names = "--payer-policies", defaultValue = "payer-policies", description = "Payer policy folder, as --rules (default: ${DEFAULT-VALUE}).")
    String policiesDir;

    @Option(names = "--default-payer", defaultValue = "MEDICARE", description = "Payer whose policy applies to payers without one (default: ${DEFAULT-VALUE}).")
    String defaultPayer;

    @Option(names = "--ncci-dir", description = "Folder of CMS NCCI files, as --rules.")
    String ncciDir;

    @Option(names = "--no-ncci", description = "Audit without NCCI edits, on purpose.")
    boolean noNcci;

    @Option(names = "--code-sets", description = "Folder of code-set files, as --rules (default: shape checks only).")
    String codeSets;

    @Option(names = "--rule-cache", paramLabel = "DIR|none", description = "Compiled rule cache on each node (default: ~/.cache/claim-auditor/rules).")
    String ruleCache;

    @Option(names = "--today", description = "Audit date (default: today on the driver).")
    LocalDate today;

    @Option(names = "--out", required = true, description = "Output folder (any Hadoop file system URI); must not exist.")
    String out;

    @Option(names = "--results", defaultValue = "jsonl", paramLabel = "jsonl|parquet", description = "Results format (default: ${DEFAULT-VALUE}).")
    String results;

    @Option(names = "--partitions", defaultValue = "0", description = "Partitions the claims are grouped into (default 0: 4 per core of the application).")
    int partitions;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Claim files or folders (.json, .jsonl, .csv, .x12, .837, .edi), or Parquet (*.parquet) in the claim layout.")
    List<String> inputs;

    /** What a run gave: claims by status (lower case, with {@code read}), as in the summary. */
    public record Outcome(java.util.Map<String, Long> claims) {
        public boolean anyRejected() {
            return claims.getOrDefault("reject", 0L) + claims.getOrDefault("error", 0L) > 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkAudit()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        results = results.toLowerCase(Locale.ROOT);
        if (!results.equals("jsonl") && !results.equals("parquet")) {
            System.err.println("--results '" + results + "': expected jsonl or parquet");
            return 2;
        }
        if (ncciDir == null && !noNcci) {
            System.err.println("no NCCI tables: pass --ncci-dir DIR (the CMS files), or --no-ncci to audit without NCCI edits on purpose");
            return 2;
        }
        SparkSession spark = SparkSession.builder().appName("claim-auditor").getOrCreate();
        try {
            return run(spark).anyRejected() ? 1 : 0;
        } catch (LoadFailed e) {
            System.err.println(e.getMessage());
            return 2;
        } finally {
            spark.stop();
        }
    }

    /** Thrown when the rules, tables or code sets cannot be loaded (the message names file and line). */
    static final class LoadFailed extends RuntimeException {
        LoadFailed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The run on an existing session (tests pass a local one). */
    Outcome run(SparkSession spark) throws IOException {
        JobSettings settings = new JobSettings(rulesDir, policiesDir, defaultPayer, noNcci ? null : ncciDir, noNcci,
                codeSets, ruleCache, today != null ? today : LocalDate.now());
        ExecutorAuditor driver;
        try {
            driver = ExecutorAuditor.of(settings); // fails here, once, rather than in every task
        } catch (RuntimeException e) {
            throw new LoadFailed(e);
        }
        int n = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
        Dataset<Row> audited = ClaimRows.read(spark, inputs)
                .repartition(n, col("patient"))
                .sortWithinPartitions("patient", "file", "index")
                .mapPartitions(new PartitionAuditor(settings), Encoders.row(PartitionAuditor.SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            if (results.equals("parquet")) {
                audited.select(from_json(col("result"), RESULT).as("r")).select("r.*")
                        .write().parquet(out + "/" + RESULTS);
            } else {
                audited.select("result").write().text(out + "/" + RESULTS);
            }
            Aggregates.Totals totals = Aggregates.totals(audited);
            Aggregates.byProvider(audited).coalesce(1).write().json(out + "/" + BY_PROVIDER);
            Aggregates.byPayer(audited).coalesce(1).write().json(out + "/" + BY_PAYER);
            writeSummary(spark, new Summary(settings.today(), driver.rules().version(), driver.run().lines(), totals));
            return new Outcome(totals.claims());
        } finally {
            audited.unpersist();
        }
    }

    /** The run's reference (what audit-run.json holds) and the aggregates small enough for one file. */
    record Summary(LocalDate auditDate, String ruleSetVersion, List<String> referenceData, Aggregates.Totals totals) { }

    private void writeSummary(SparkSession spark, Summary summary) throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(out, SUMMARY);
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (FSDataOutputStream os = fs.create(file, false)) {
            ResultsFile.JSON.writeValue((java.io.OutputStream) os, summary);
        }
    }

    private static final StructType FINDING = new StructType()
            .add("ruleId", DataTypes.StringType)
            .add("category", DataTypes.StringType)
            .add("severity", DataTypes.StringType)
            .add("lineNumbers", new ArrayType(DataTypes.IntegerType, true))
            .add("message", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("suggestion", DataTypes.StringType)
            .add("amountAtRisk", DataTypes.createDecimalType(16, 2))
            .add("groupCode", DataTypes.StringType)
            .add("carc", DataTypes.StringType)
            .add("rarc", new ArrayType(DataTypes.StringType, true));

    /** A result line of {@code audit --results jsonl} as a Parquet row. */
    static final StructType RESULT = new StructType()
            .add("claimId", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("findings", new ArrayType(FINDING, true))
            .add("ruleSetVersion", DataTypes.StringType)
            .add("payerPolicy", DataTypes.StringType)
            .add("error", DataTypes.StringType);
}
