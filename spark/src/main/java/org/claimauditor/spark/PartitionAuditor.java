package org.claimauditor.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditEngine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.pipeline.sink.JsonLinesResults;
import org.claimauditor.report.ClaimShares;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Audits one partition of {@link ClaimRows}, sorted by patient: whole patients at a time, in batches of about
 * {@link #BATCH} claims, with the executor's {@link ExecutorAuditor}, on the task's own thread (Spark runs one task
 * per core). Memory holds one batch; Spark's sort spills the partition itself. Gives one row per claim: the result
 * line {@code audit --results jsonl} writes, and what the claim adds to the report's aggregates.
 */
final class PartitionAuditor implements MapPartitionsFunction<Row, Row> {

    /** Claims audited together: big enough to amortise a batch, small against an executor's heap. */
    static final int BATCH = 1_024;

    private static final DataType MONEY = DataTypes.createDecimalType(38, 6);

    static final StructType SCHEMA = new StructType()
            .add("claimId", DataTypes.StringType)
            .add("status", DataTypes.StringType, false)
            .add("result", DataTypes.StringType, false)
            .add("payer", DataTypes.StringType)
            .add("totalCharge", MONEY, false)
            .add("atRisk", MONEY, false)
            .add("rules", new ArrayType(new StructType()
                    .add("ruleId", DataTypes.StringType)
                    .add("category", DataTypes.StringType)
                    .add("severity", DataTypes.StringType)
                    .add("findings", DataTypes.LongType, false)
                    .add("amountAtRisk", MONEY, false), false), false)
            .add("providers", new ArrayType(new StructType()
                    .add("npi", DataTypes.StringType)
                    .add("lines", DataTypes.LongType, false)
                    .add("findings", DataTypes.LongType, false)
                    .add("amountAtRisk", MONEY, false), false), false);

    private final JobSettings settings;

    PartitionAuditor(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> claims) {
        ExecutorAuditor auditor = ExecutorAuditor.of(settings);
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();
            private Row pending;

            @Override
            public boolean hasNext() {
                if (ready.isEmpty()) {
                    auditBatch();
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            private void auditBatch() {
                List<ClaimInput> batch = new ArrayList<>();
                String patient = null;
                while (pending != null || claims.hasNext()) {
                    Row r = pending != null ? pending : claims.next();
                    pending = null;
                    String p = r.getString(0);
                    if (batch.size() >= BATCH && !p.equals(patient)) {
                        pending = r; // the next patient starts the next batch
                        break;
                    }
                    batch.add(ClaimRows.claim(r));
                    patient = p;
                }
                if (batch.isEmpty()) {
                    return;
                }
                List<AuditResult> results = AuditEngine.auditOnThisThread(auditor.rules(), auditor.reference(), batch,
                        List.of(), settings.today(), auditor.limits());
                for (int i = 0; i < batch.size(); i++) {
                    ready.add(row(batch.get(i), results.get(i), auditor));
                }
            }
        };
    }

    private static Row row(ClaimInput in, AuditResult result, ExecutorAuditor auditor) {
        ClaimShares s = ClaimShares.of(result, in.claim(), auditor.rules().plausibility());
        Object[] rules = s.rules().stream().map(r -> RowFactory.create(r.ruleId(), name(r.category()),
                name(r.severity()), r.findings(), r.amountAtRisk())).toArray();
        Object[] providers = s.providers().stream().map(p -> RowFactory.create(p.npi(), p.lines(), p.findings(),
                p.amountAtRisk())).toArray();
        return RowFactory.create(result.claimId(), result.status().name(),
                JsonLinesResults.line(result, auditor.run()), s.payer(), s.totalCharge(), s.atRisk(), rules, providers);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
