package org.claimauditor.history;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Finding;
import org.claimauditor.pipeline.RunReference;
import org.claimauditor.pipeline.sink.ResultSink;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Records a run in the history database: the run row when it starts (state RUNNING), every claim result and finding
 * streamed in batches of {@link #BATCH} rows, committed per batch so neither this JVM nor the database holds a whole
 * run, and at {@link #finish} the input files' hashes, the totals and state COMPLETE. A run that fails or is
 * interrupted is deleted in {@link #close}; one whose process was killed stays RUNNING, which queries ignore and
 * the retention purge removes. Writes no file.
 */
public final class HistorySink implements ResultSink {

    /** Rows per batch: large enough to amortise a round trip, small enough to keep memory flat. */
    static final int BATCH = 5_000;

    private final Connection conn;
    private final RowWriter rows;
    private final RunHeader header;
    private final RunReference run;
    private final CompletableFuture<List<InputFile>> inputs;
    private final Clock clock;
    private final Map<AuditResult.Status, Long> byStatus = new EnumMap<>(AuditResult.Status.class);
    private long seq;
    private long findings;
    private BigDecimal atRisk = BigDecimal.ZERO;
    private boolean finished;

    /**
     * Inserts the run row at once, so a run that cannot be recorded fails before the audit rather than after it.
     *
     * @param inputs the run's input files, usually hashed on another thread meanwhile; joined in {@link #finish}
     */
    public HistorySink(DataSource ds, RunHeader header, RunReference run, CompletableFuture<List<InputFile>> inputs,
                       Clock clock) throws IOException {
        this.header = header;
        this.run = run;
        this.inputs = inputs;
        this.clock = clock;
        for (AuditResult.Status s : AuditResult.Status.values()) {
            byStatus.put(s, 0L);
        }
        Connection c = null;
        try {
            c = ds.getConnection();
            c.setAutoCommit(false);
            insertRun(c);
            c.commit();
            this.rows = RowWriter.of(c, header.runId());
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("start the run", e);
        }
        this.conn = c;
    }

    /** A run whose inputs are files: hashed on a thread of their own while the claims are audited. */
    public static CompletableFuture<List<InputFile>> hashLater(List<Path> files) {
        return CompletableFuture.supplyAsync(() -> InputFile.of(files), r -> {
            Thread t = new Thread(r, "hash inputs");
            t.setDaemon(true);
            t.start();
        });
    }

    public String runId() {
        return header.runId();
    }

    private void insertRun(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_run (run_id, state, origin, user_name, "
                + "started_at, audit_date, rule_set_version) VALUES (?, 'RUNNING', ?, ?, ?, ?, ?)")) {
            ps.setString(1, header.runId());
            ps.setString(2, header.origin().name());
            ps.setString(3, header.user());
            ps.setObject(4, OffsetDateTime.ofInstant(header.startedAt(), ZoneOffset.UTC));
            ps.setObject(5, header.auditDate());
            ps.setString(6, header.ruleSetVersion());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_reference (run_id, position, kind, description, sha256) VALUES (?, ?, ?, ?, ?)")) {
            int i = 0;
            for (ReferenceItem item : header.reference()) {
                ps.setString(1, header.runId());
                ps.setInt(2, i++);
                ps.setString(3, item.kind().name());
                ps.setString(4, item.description());
                ps.setString(5, item.sha256());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void accept(ClaimInput input, AuditResult result) throws IOException {
        Claim claim = input.claim();
        String claimId = result.claimId();
        try {
            rows.claim(seq, claimId, result.status().name(), claim == null ? null : claim.payerId(),
                    claim == null || claim.billingProvider() == null ? null : claim.billingProvider().npi(),
                    claim == null || claim.renderingProvider() == null ? null : claim.renderingProvider().npi(),
                    run.payerPolicy(result), result.error());
            int position = 0;
            for (Finding f : result.findings()) {
                rows.finding(seq, position++, claimId, f);
                if (f.amountAtRisk() != null) {
                    atRisk = atRisk.add(f.amountAtRisk());
                }
            }
            if (rows.pending() >= BATCH) {
                rows.flush();
                conn.commit();
            }
        } catch (SQLException e) {
            // the driver's message may quote the row's values: claim data stays out of the output
            throw new IOException("history database: cannot record claim #" + (seq + 1) + " of run " + header.runId()
                    + " (SQL state " + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
        }
        seq++;
        findings += result.findings().size();
        byStatus.merge(result.status(), 1L, Long::sum);
    }

    @Override
    public List<Path> finish() throws IOException {
        try {
            rows.flush();
            insertInputs();
            try (PreparedStatement ps = conn.prepareStatement("UPDATE audit_run SET state = 'COMPLETE', finished_at = ?, "
                    + "claims = ?, pass_count = ?, review_count = ?, reject_count = ?, error_count = ?, findings = ?, "
                    + "amount_at_risk = ? WHERE run_id = ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.setLong(2, seq);
                ps.setLong(3, byStatus.get(AuditResult.Status.PASS));
                ps.setLong(4, byStatus.get(AuditResult.Status.REVIEW));
                ps.setLong(5, byStatus.get(AuditResult.Status.REJECT));
                ps.setLong(6, byStatus.get(AuditResult.Status.ERROR));
                ps.setLong(7, findings);
                ps.setBigDecimal(8, atRisk);
                ps.setString(9, header.runId());
                ps.executeUpdate();
            }
            conn.commit();
            finished = true;
            rows.analyze(conn);
            conn.commit();
        } catch (SQLException e) {
            throw failure("complete the run", e);
        }
        return List.of();
    }

    private void insertInputs() throws SQLException, IOException {
        List<InputFile> files;
        try {
            files = inputs.join();
        } catch (CompletionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO run_input (run_id, position, name, sha256, bytes) VALUES (?, ?, ?, ?, ?)")) {
            int i = 0;
            for (InputFile f : files) {
                ps.setString(1, header.runId());
                ps.setInt(2, i++);
                ps.setString(3, f.name());
                ps.setString(4, f.sha256());
                ps.setLong(5, f.bytes());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Deletes a run that did not finish (its committed batches included), then lets the connection go. */
    @Override
    public void close() {
        try {
            if (!finished) {
                conn.rollback();
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM audit_run WHERE run_id = ?")) {
                    ps.setString(1, header.runId());
                    ps.executeUpdate();
                }
                conn.commit();
            }
            rows.close();
        } catch (SQLException e) {
            // the run stays RUNNING: queries skip it and the retention purge removes it
        } finally {
            closeQuietly(conn);
        }
    }

    private IOException failure(String what, SQLException e) {
        return new IOException("history database: cannot " + what + " of run " + header.runId() + ": "
                + HistoryDatabase.rootMessage(e), e);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
