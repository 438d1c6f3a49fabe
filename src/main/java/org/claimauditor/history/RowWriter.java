package org.claimauditor.history;

import org.claimauditor.engine.Finding;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Buffers a run's claim and finding rows and writes them in batches: JDBC batch inserts in general, COPY on
 * PostgreSQL (its bulk-load path, several times faster than even batched inserts). The caller flushes every few
 * thousand rows, so memory stays bounded whatever the run's size.
 */
abstract sealed class RowWriter implements AutoCloseable permits RowWriter.Batch, RowWriter.Copy {

    static final String CLAIM_COLUMNS = "run_id, seq, claim_id, status, payer_id, billing_npi, rendering_npi, payer_policy, error";
    static final String FINDING_COLUMNS = "run_id, seq, position, claim_id, rule_id, category, severity, line_numbers, "
            + "amount_at_risk, message, source, group_code, carc, rarc";

    protected final String runId;
    protected int pending;

    RowWriter(String runId) {
        this.runId = runId;
    }

    static RowWriter of(Connection c, String runId) throws SQLException {
        return c.isWrapperFor(PGConnection.class) ? new Copy(c, runId) : new Batch(c, runId);
    }

    abstract void claim(long seq, String claimId, String status, String payerId, String billingNpi,
                        String renderingNpi, String payerPolicy, String error) throws SQLException;

    abstract void finding(long seq, int position, String claimId, Finding f) throws SQLException;

    /** Rows buffered since the last flush. */
    int pending() {
        return pending;
    }

    /** Sends the buffered rows (claims before their findings); the caller commits. */
    abstract void flush() throws SQLException;

    /** After a run's rows are in: PostgreSQL plans the queries on fresh statistics rather than on an empty table's. */
    void analyze(Connection c) throws SQLException {
    }

    @Override
    public void close() throws SQLException {
    }

    static String joined(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(v);
        }
        return sb.toString();
    }

    /** Batched prepared inserts (H2 and any other JDBC database). */
    static final class Batch extends RowWriter {
        private final PreparedStatement claims;
        private final PreparedStatement findings;
        private int claimRows;
        private int findingRows;

        Batch(Connection c, String runId) throws SQLException {
            super(runId);
            claims = c.prepareStatement("INSERT INTO claim_result (" + CLAIM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            findings = c.prepareStatement("INSERT INTO finding (" + FINDING_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        void claim(long seq, String claimId, String status, String payerId, String billingNpi, String renderingNpi,
                   String payerPolicy, String error) throws SQLException {
            claims.setString(1, runId);
            claims.setLong(2, seq);
            claims.setString(3, claimId);
            claims.setString(4, status);
            claims.setString(5, payerId);
            claims.setString(6, billingNpi);
            claims.setString(7, renderingNpi);
            claims.setString(8, payerPolicy);
            claims.setString(9, error);
            claims.addBatch();
            claimRows++;
            pending++;
        }

        @Override
        void finding(long seq, int position, String claimId, Finding f) throws SQLException {
            findings.setString(1, runId);
            findings.setLong(2, seq);
            findings.setInt(3, position);
            findings.setString(4, claimId);
            findings.setString(5, f.ruleId());
            findings.setString(6, f.category().name());
            findings.setString(7, f.severity().name());
            findings.setString(8, joined(f.lineNumbers()));
            if (f.amountAtRisk() == null) {
                findings.setNull(9, Types.NUMERIC);
            } else {
                findings.setBigDecimal(9, f.amountAtRisk());
            }
            findings.setString(10, f.message());
            findings.setString(11, f.source());
            findings.setString(12, f.groupCode());
            findings.setString(13, f.carc());
            findings.setString(14, joined(f.rarc()));
            findings.addBatch();
            findingRows++;
            pending++;
        }

        @Override
        void flush() throws SQLException {
            if (claimRows > 0) {
                claims.executeBatch();
            }
            if (findingRows > 0) {
                findings.executeBatch();
            }
            claimRows = 0;
            findingRows = 0;
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            claims.close();
            findings.close();
        }
    }

    /** PostgreSQL COPY … FROM STDIN in CSV: one round trip per table per flush. */
    static final class Copy extends RowWriter {
        private final PGConnection pg;
        private final StringBuilder claims = new StringBuilder(1 << 16);
        private final StringBuilder findings = new StringBuilder(1 << 16);

        Copy(Connection c, String runId) throws SQLException {
            super(runId);
            this.pg = c.unwrap(PGConnection.class);
        }

        @Override
        void claim(long seq, String claimId, String status, String payerId, String billingNpi, String renderingNpi,
                   String payerPolicy, String error) {
            StringBuilder sb = claims;
            text(sb, runId).append(',').append(seq).append(',');
            text(sb, claimId).append(',');
            text(sb, status).append(',');
            text(sb, payerId).append(',');
            text(sb, billingNpi).append(',');
            text(sb, renderingNpi).append(',');
            text(sb, payerPolicy).append(',');
            text(sb, error).append('\n');
            pending++;
        }

        @Override
        void finding(long seq, int position, String claimId, Finding f) {
            StringBuilder sb = findings;
            text(sb, runId).append(',').append(seq).append(',').append(position).append(',');
            text(sb, claimId).append(',');
            text(sb, f.ruleId()).append(',');
            text(sb, f.category().name()).append(',');
            text(sb, f.severity().name()).append(',');
            text(sb, joined(f.lineNumbers())).append(',');
            BigDecimal amount = f.amountAtRisk();
            if (amount != null) {
                sb.append(amount.toPlainString());
            }
            sb.append(',');
            text(sb, f.message()).append(',');
            text(sb, f.source()).append(',');
            text(sb, f.groupCode()).append(',');
            text(sb, f.carc()).append(',');
            text(sb, joined(f.rarc())).append('\n');
            pending++;
        }

        @Override
        void analyze(Connection c) throws SQLException {
            try (var s = c.createStatement()) {
                s.execute("ANALYZE claim_result");
                s.execute("ANALYZE finding");
            }
        }

        /** CSV field: null is an unquoted empty field (NULL to COPY), any string is quoted (so "" stays ""). */
        private static StringBuilder text(StringBuilder sb, String value) {
            if (value == null) {
                return sb;
            }
            sb.append('"');
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '"') {
                    sb.append('"');
                }
                sb.append(ch);
            }
            return sb.append('"');
        }

        @Override
        void flush() throws SQLException {
            copy("claim_result", CLAIM_COLUMNS, claims);
            copy("finding", FINDING_COLUMNS, findings);
            pending = 0;
        }

        private void copy(String table, String columns, StringBuilder rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try {
                pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + ": " + e.getMessage(), e);
            }
            rows.setLength(0);
        }
    }
}
