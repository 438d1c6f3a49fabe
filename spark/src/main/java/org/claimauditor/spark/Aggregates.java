package org.claimauditor.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.claimauditor.engine.AuditResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The compliance report's main aggregates computed in Spark from the audited rows ({@link PartitionAuditor#SCHEMA}),
 * with the report's field names and order: claims by status, findings by severity and money at risk, and the rows by
 * rule, by provider and by payer (money rounded half up to cents, as the report rounds its sums).
 */
final class Aggregates {

    private Aggregates() { }

    /** Claims and findings of the run, and one row per rule (most findings first): small, kept on the driver. */
    record Totals(Map<String, Long> claims, BigDecimal totalCharge, BigDecimal amountAtRisk, Map<String, Long> findings,
                  BigDecimal findingsAtRisk, List<RuleRow> byRule) { }

    record RuleRow(String ruleId, String category, String severity, long findings, long claims, BigDecimal amountAtRisk) { }

    static Totals totals(Dataset<Row> audited) {
        Map<String, Long> claims = new LinkedHashMap<>();
        claims.put("read", 0L);
        for (AuditResult.Status s : AuditResult.Status.values()) {
            claims.put(s.name().toLowerCase(java.util.Locale.ROOT), 0L);
        }
        for (Row r : audited.groupBy("status").count().collectAsList()) {
            claims.put(r.getString(0).toLowerCase(java.util.Locale.ROOT), r.getLong(1));
            claims.merge("read", r.getLong(1), Long::sum);
        }
        Row money = audited.agg(sum("totalCharge"), sum("atRisk")).first();
        List<RuleRow> rules = new ArrayList<>();
        for (Row r : byRule(audited).collectAsList()) {
            rules.add(new RuleRow(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
                    r.getDecimal(5)));
        }
        Map<String, Long> findings = new LinkedHashMap<>();
        findings.put("total", 0L);
        for (String severity : List.of("ERROR", "WARNING", "INFO")) {
            findings.put(severity.toLowerCase(java.util.Locale.ROOT), 0L);
        }
        BigDecimal findingsAtRisk = BigDecimal.ZERO;
        for (RuleRow r : rules) {
            findings.merge("total", r.findings(), Long::sum);
            findings.merge(r.severity().toLowerCase(java.util.Locale.ROOT), r.findings(), Long::sum);
        }
        // the report sums unrounded amounts and rounds once: so does this (per-rule rows are rounded for display)
        Row exact = audited.select(explode(col("rules")).as("r")).agg(sum("r.amountAtRisk")).first();
        findingsAtRisk = cents(exact.getDecimal(0));
        return new Totals(claims, cents(money.getDecimal(0)), cents(money.getDecimal(1)), findings, findingsAtRisk,
                rules);
    }

    /** ruleId, category, severity, findings, claims, amountAtRisk; most money first (as the compliance report), then findings, rule id. */
    static Dataset<Row> byRule(Dataset<Row> audited) {
        return audited.select(explode(col("rules")).as("r"))
                .groupBy(col("r.ruleId").as("ruleId"))
                .agg(first("r.category").as("category"), first("r.severity").as("severity"),
                        sum("r.findings").as("findings"), count(lit(1)).as("claims"),
                        round(sum("r.amountAtRisk"), 2).as("amountAtRisk"))
                .orderBy(desc("amountAtRisk"), desc("findings"), col("ruleId"));
    }

    /** npi, claims, lines, findings, amountAtRisk; most money at risk first, then findings, then NPI. */
    static Dataset<Row> byProvider(Dataset<Row> audited) {
        return audited.select(explode(col("providers")).as("p"))
                .groupBy(col("p.npi").as("npi"))
                .agg(count(lit(1)).as("claims"), sum("p.lines").as("lines"), sum("p.findings").as("findings"),
                        round(sum("p.amountAtRisk"), 2).as("amountAtRisk"))
                .orderBy(desc("amountAtRisk"), desc("findings"), col("npi"));
    }

    /** payerId, claims, rejected, findings, amountAtRisk; ranked as providers are. */
    static Dataset<Row> byPayer(Dataset<Row> audited) {
        Column findings = aggregate(col("rules"), lit(0L), (acc, r) -> acc.plus(r.getField("findings")));
        return audited.where(col("payer").isNotNull())
                .groupBy(col("payer").as("payerId"))
                .agg(count(lit(1)).as("claims"), sum(when(col("status").equalTo("REJECT"), 1L).otherwise(0L)).as("rejected"),
                        sum(findings).as("findings"), round(sum("atRisk"), 2).as("amountAtRisk"))
                .orderBy(desc("amountAtRisk"), desc("findings"), col("payerId"));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
