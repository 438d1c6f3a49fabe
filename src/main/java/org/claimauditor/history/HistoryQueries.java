package org.claimauditor.history;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions an auditor asks of the history: which runs there were, what one claim got in each, which findings
 * match a provider, rule, payer and date range (with totals), and what changed between two runs over the same claims.
 * Only COMPLETE runs are read. Every list is bounded by a limit; totals are computed by the database.
 */
public final class HistoryQueries {

    private static final String RUN_COLUMNS = "r.run_id, r.origin, r.user_name, r.started_at, r.finished_at, "
            + "r.audit_date, r.rule_set_version, r.claims, r.pass_count, r.review_count, r.reject_count, "
            + "r.error_count, r.findings, r.amount_at_risk";
    private static final String FINDING_COLUMNS = "f.run_id, f.claim_id, f.rule_id, f.category, f.severity, "
            + "f.line_numbers, f.amount_at_risk, f.message, f.source, f.group_code, f.carc, f.rarc";

    private final DataSource ds;

    public HistoryQueries(DataSource ds) {
        this.ds = ds;
    }

    public record RunSummary(String runId, String origin, String user, Instant startedAt, Instant finishedAt,
                             LocalDate auditDate, String ruleSetVersion, long claims, long pass, long review,
                             long reject, long error, long findings, BigDecimal amountAtRisk) { }

    public record RunDetail(RunSummary run, List<InputFile> inputs, List<ReferenceItem> referenceData) { }

    public record FindingRow(String runId, String claimId, String ruleId, String category, String severity,
                             String lines, BigDecimal amountAtRisk, String message, String source, String groupCode,
                             String carc, String rarc) { }

    public record ClaimRun(String runId, Instant startedAt, String ruleSetVersion, String status, String payerPolicy,
                           String error, List<FindingRow> findings) { }

    /** Filters of {@link #findings}; null means any. Dates are the runs' start dates (UTC), both ends included. */
    public record FindingQuery(String provider, String rule, String payer, LocalDate from, LocalDate to, int limit) { }

    public record RuleTotal(String ruleId, long findings, long claims, BigDecimal amountAtRisk) { }

    public record FindingReport(long findings, long claims, BigDecimal amountAtRisk, List<RuleTotal> byRule,
                                List<FindingRow> rows) { }

    /** ADDED: only in the second run; REMOVED: only in the first; CHANGED: in both, with other severity, amount or text. */
    public enum Change { ADDED, REMOVED, CHANGED }

    public record DiffRow(Change change, String claimId, String ruleId, String lines, String severityBefore,
                          String severityAfter, BigDecimal amountBefore, BigDecimal amountAfter, String message) { }

    /**
     * @param amountMoved the change of amount at risk: + for added, − for removed, after − before for changed
     */
    public record ChangeTotal(Change change, long findings, BigDecimal amountMoved) { }

    public record RunDiff(String before, String after, long claimsInBoth, long claimsOnlyBefore, long claimsOnlyAfter,
                          List<ChangeTotal> totals, BigDecimal netAmountMoved, List<DiffRow> rows) { }

    /** The newest complete runs first. */
    public List<RunSummary> runs(int limit) {
        return query("list runs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM audit_run r "
                    + "WHERE r.state = 'COMPLETE' ORDER BY r.started_at DESC, r.run_id FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                List<RunSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(run(rs));
                    }
                }
                return out;
            }
        });
    }

    /** One complete run with its input files and reference data; null if there is none with that id. */
    public RunDetail run(String runId) {
        return query("read run " + runId, c -> {
            RunSummary summary;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM audit_run r "
                    + "WHERE r.state = 'COMPLETE' AND r.run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    summary = run(rs);
                }
            }
            List<InputFile> inputs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, sha256, bytes FROM run_input WHERE run_id = ? ORDER BY position")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inputs.add(new InputFile(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            List<ReferenceItem> reference = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT kind, description, sha256 FROM run_reference WHERE run_id = ? ORDER BY position")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reference.add(new ReferenceItem(ReferenceItem.Kind.valueOf(rs.getString(1)), rs.getString(2),
                                rs.getString(3)));
                    }
                }
            }
            return new RunDetail(summary, inputs, reference);
        });
    }

    /** What one claim got in each complete run (oldest first), at most {@code limit} runs (the newest). */
    public List<ClaimRun> claim(String claimId, int limit) {
        return query("read the claim's history", c -> {
            Map<String, ClaimRun> byRun = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cr.run_id, r.started_at, r.rule_set_version, "
                    + "cr.status, cr.payer_policy, cr.error, cr.seq FROM claim_result cr JOIN audit_run r "
                    + "ON r.run_id = cr.run_id WHERE cr.claim_id = ? AND r.state = 'COMPLETE' "
                    + "ORDER BY r.started_at DESC, cr.run_id, cr.seq FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, claimId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // a claim id given twice in one run: its first result (the engine reports the duplicate)
                        byRun.putIfAbsent(rs.getString(1), new ClaimRun(rs.getString(1), instant(rs, 2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), new ArrayList<>()));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FINDING_COLUMNS + " FROM finding f "
                    + "WHERE f.run_id = ? AND f.claim_id = ? ORDER BY f.seq, f.position")) {
                for (ClaimRun run : byRun.values()) {
                    ps.setString(1, run.runId());
                    ps.setString(2, claimId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            run.findings().add(finding(rs));
                        }
                    }
                }
            }
            List<ClaimRun> out = new ArrayList<>(byRun.values());
            java.util.Collections.reverse(out);
            return out;
        });
    }

    /** Findings of complete runs matching the filters: totals over all of them, the first {@code limit} rows. */
    public FindingReport findings(FindingQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" FROM finding f JOIN claim_result cr ON cr.run_id = f.run_id "
                + "AND cr.seq = f.seq JOIN audit_run r ON r.run_id = f.run_id WHERE r.state = 'COMPLETE'");
        if (q.provider() != null) {
            where.append(" AND (cr.billing_npi = ? OR cr.rendering_npi = ?)");
            args.add(q.provider());
            args.add(q.provider());
        }
        if (q.rule() != null) {
            where.append(" AND f.rule_id = ?");
            args.add(q.rule());
        }
        if (q.payer() != null) {
            where.append(" AND cr.payer_id = ?");
            args.add(q.payer());
        }
        if (q.from() != null) {
            where.append(" AND r.started_at >= ?");
            args.add(OffsetDateTime.of(q.from().atStartOfDay(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" AND r.started_at < ?");
            args.add(OffsetDateTime.of(q.to().plusDays(1).atStartOfDay(), ZoneOffset.UTC));
        }
        return query("query findings", c -> {
            List<RuleTotal> byRule = new ArrayList<>();
            long findings = 0;
            BigDecimal amount = BigDecimal.ZERO;
            try (PreparedStatement ps = c.prepareStatement("SELECT f.rule_id, COUNT(*), "
                    + "COUNT(DISTINCT f.run_id || '/' || CAST(f.seq AS VARCHAR)), COALESCE(SUM(f.amount_at_risk), 0)"
                    + where + " GROUP BY f.rule_id ORDER BY f.rule_id")) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RuleTotal t = new RuleTotal(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4));
                        byRule.add(t);
                        findings += t.findings();
                        amount = amount.add(t.amountAtRisk());
                    }
                }
            }
            long claims;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(DISTINCT f.run_id || '/' || CAST(f.seq AS VARCHAR))" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    claims = rs.getLong(1);
                }
            }
            List<FindingRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FINDING_COLUMNS + where
                    + " ORDER BY r.started_at DESC, f.run_id, f.seq, f.position FETCH FIRST ? ROWS ONLY")) {
                List<Object> all = new ArrayList<>(args);
                all.add(q.limit());
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(finding(rs));
                    }
                }
            }
            return new FindingReport(findings, claims, amount, byRule, rows);
        });
    }

    /**
     * The findings that differ between two runs over the claims both audited (by claim id), matched by claim, rule
     * and lines: totals over all of them and the first {@code limit} rows. Null if either run is not a complete run.
     */
    public RunDiff diff(String before, String after, int limit) {
        // Each finding is matched through the index of claim ids to the same claim in the other run, then through
        // that run's primary key to a finding of the same rule on the same lines: index look-ups only, so the
        // comparison grows with the runs' size on H2 as on PostgreSQL.
        String other = "JOIN claim_result co ON co.claim_id = f.claim_id AND co.run_id = ? ";
        String same = "g.run_id = co.run_id AND g.seq = co.seq AND g.rule_id = f.rule_id AND g.line_numbers = f.line_numbers";
        String changes = "SELECT 'REMOVED' AS change, f.claim_id, f.rule_id, f.line_numbers, f.severity AS sev_before, "
                + "CAST(NULL AS VARCHAR) AS sev_after, f.amount_at_risk AS amount_before, "
                + "CAST(NULL AS NUMERIC(14, 2)) AS amount_after, f.message FROM finding f " + other
                + "WHERE f.run_id = ? AND NOT EXISTS (SELECT 1 FROM finding g WHERE " + same + ") "
                + "UNION ALL SELECT 'ADDED', f.claim_id, f.rule_id, f.line_numbers, NULL, f.severity, NULL, "
                + "f.amount_at_risk, f.message FROM finding f " + other
                + "WHERE f.run_id = ? AND NOT EXISTS (SELECT 1 FROM finding g WHERE " + same + ") "
                + "UNION ALL SELECT 'CHANGED', f.claim_id, f.rule_id, f.line_numbers, g.severity, f.severity, "
                + "g.amount_at_risk, f.amount_at_risk, f.message FROM finding f " + other
                + "JOIN finding g ON " + same + " WHERE f.run_id = ? AND (g.amount_at_risk IS DISTINCT FROM "
                + "f.amount_at_risk OR g.severity <> f.severity OR g.message <> f.message OR g.carc IS DISTINCT FROM f.carc)";
        return query("compare runs", c -> {
            if (!complete(c, before) || !complete(c, after)) {
                return null;
            }
            long inBoth = count(c, "SELECT COUNT(*) FROM claim_result x WHERE x.run_id = ? AND EXISTS "
                    + "(SELECT 1 FROM claim_result o WHERE o.run_id = ? AND o.claim_id = x.claim_id)", before, after);
            long onlyBefore = count(c, "SELECT COUNT(*) FROM claim_result x WHERE x.run_id = ? AND x.claim_id IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM claim_result o WHERE o.run_id = ? AND o.claim_id = x.claim_id)", before, after);
            long onlyAfter = count(c, "SELECT COUNT(*) FROM claim_result x WHERE x.run_id = ? AND x.claim_id IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM claim_result o WHERE o.run_id = ? AND o.claim_id = x.claim_id)", after, before);
            List<ChangeTotal> totals = new ArrayList<>();
            BigDecimal net = BigDecimal.ZERO;
            try (PreparedStatement ps = c.prepareStatement("SELECT d.change, COUNT(*), "
                    + "COALESCE(SUM(COALESCE(d.amount_after, 0) - COALESCE(d.amount_before, 0)), 0) FROM (" + changes
                    + ") d GROUP BY d.change ORDER BY d.change")) {
                bind(ps, List.of(after, before, before, after, before, after));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ChangeTotal t = new ChangeTotal(Change.valueOf(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3));
                        totals.add(t);
                        net = net.add(t.amountMoved());
                    }
                }
            }
            List<DiffRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (" + changes + ") d "
                    + "ORDER BY d.claim_id, d.rule_id, d.line_numbers FETCH FIRST ? ROWS ONLY")) {
                bind(ps, List.of(after, before, before, after, before, after, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new DiffRow(Change.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                                rs.getBigDecimal(8), rs.getString(9)));
                    }
                }
            }
            return new RunDiff(before, after, inBoth, onlyBefore, onlyAfter, totals, net, rows);
        });
    }

    /** Deletes every run (complete or not) started before {@code cutoff}, with its rows; returns how many runs. */
    public int purgeStartedBefore(Instant cutoff) {
        return query("purge old runs", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_run WHERE started_at < ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
    }

    private static boolean complete(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM audit_run WHERE run_id = ? AND state = 'COMPLETE'")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, List.of(args));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static RunSummary run(ResultSet rs) throws SQLException {
        return new RunSummary(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getBigDecimal(14));
    }

    private static FindingRow finding(ResultSet rs) throws SQLException {
        return new FindingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T query(String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new HistoryException("history database: cannot " + what + ": " + HistoryDatabase.rootMessage(e), e);
        }
    }
}
