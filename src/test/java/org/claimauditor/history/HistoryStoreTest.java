package org.claimauditor.history;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Remittance;
import org.claimauditor.engine.Severity;
import org.claimauditor.history.HistoryQueries.Change;
import org.claimauditor.history.HistoryQueries.ChangeTotal;
import org.claimauditor.history.TestDatabases.Kind;
import org.claimauditor.pipeline.RunReference;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history on H2 and on a real PostgreSQL: migrations, recording in several batches (COPY on PostgreSQL, with
 * text that needs CSV quoting), and every query, over two runs of 12,000 claims whose findings differ by rule.
 */
class HistoryStoreTest {

    /** More than two batches of rows per run. */
    static final int CLAIMS = 12_000;
    static final String AWKWARD = "He said \"no\", then\nleft; 50% \\ done";
    static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    @TempDir
    Path tmp;

    /** The rules of the earlier run: R1 on every 3rd claim, R2 (no amount, awkward text) on every 5th. */
    static List<Finding> before(int i) {
        List<Finding> out = new ArrayList<>();
        if (i % 3 == 0) {
            out.add(finding("R1", Severity.ERROR, List.of(1), new BigDecimal("10.00"), "R1 fired"));
        }
        if (i % 5 == 0) {
            out.add(finding("R2", Severity.INFO, List.of(1, 2), null, AWKWARD));
        }
        return out;
    }

    /** The later rules: R1 asks 12.50 on every 6th claim, R2 dropped on every 10th, R3 new on every 7th. */
    static List<Finding> after(int i) {
        List<Finding> out = new ArrayList<>();
        if (i % 3 == 0) {
            out.add(finding("R1", Severity.ERROR, List.of(1), new BigDecimal(i % 6 == 0 ? "12.50" : "10.00"), "R1 fired"));
        }
        if (i % 5 == 0 && i % 10 != 0) {
            out.add(finding("R2", Severity.INFO, List.of(1, 2), null, AWKWARD));
        }
        if (i % 7 == 0) {
            out.add(finding("R3", Severity.WARNING, List.of(), new BigDecimal("5.00"), "R3 fired"));
        }
        return out;
    }

    static Finding finding(String rule, Severity severity, List<Integer> lines, BigDecimal amount, String message) {
        Remittance remit = severity == Severity.ERROR ? Remittance.parse("CO-96", "N362") : null;
        return new Finding(rule, Category.CLAIM_DATA, severity, lines, message, "test " + rule, "fix it", amount, remit);
    }

    static Claim claim(String id, int i) {
        return new Claim(id, Claim.ClaimType.PROFESSIONAL, "PAYER" + (i % 2), new Claim.Patient("P" + i, null, null),
                new Claim.Provider("NPI" + (i % 4), null), null, "11", null, List.of(), List.of());
    }

    /** Records claims {@code first}..{@code last} plus one unreadable input; returns the run id. */
    static String record(HistoryDatabase db, Instant startedAt, String version, int first, int last,
                         Function<Integer, List<Finding>> rules) throws IOException {
        RunReference ref = new RunReference(version, List.of("Rule set " + version + " (3 rules from rules)",
                "NCCI practitioner PTP v322r0 (160 edits)"));
        RunHeader header = RunHeader.start(RunHeader.Origin.CLI, "tester", startedAt, LocalDate.of(2026, 10, 1), version,
                List.of(new ReferenceItem(ReferenceItem.Kind.RULE_SET, ref.lines().get(0), null),
                        new ReferenceItem(ReferenceItem.Kind.NCCI, ref.lines().get(1), null)));
        Clock end = Clock.fixed(startedAt.plusSeconds(60), ZoneOffset.UTC);
        try (HistorySink sink = new HistorySink(db.dataSource(), header, ref,
                CompletableFuture.completedFuture(List.of(new InputFile("claims.jsonl", "ab".repeat(32), 123))), end)) {
            for (int i = first; i <= last; i++) {
                List<Finding> f = rules.apply(i);
                String id = "C-" + i;
                sink.accept(ClaimInput.ok(i, "claims.jsonl", claim(id, i)),
                        new AuditResult(id, AuditResult.statusOf(f), f, version, ref.lines(), null));
            }
            sink.accept(ClaimInput.failed(last + 1, "claims.jsonl", null, "claims.jsonl line 9: bad JSON"),
                    new AuditResult(null, AuditResult.Status.ERROR, List.of(), version, List.of(), "claims.jsonl line 9: bad JSON"));
            sink.finish();
            return header.runId();
        }
    }

    static BigDecimal amount(Finding f) {
        return f.amountAtRisk() == null ? BigDecimal.ZERO : f.amountAtRisk();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migrationsApplyOnceAndLeaveTheSchemaCurrent(Kind kind) {
        TestDatabases.Db d = TestDatabases.fresh(kind, tmp);
        try (HistoryDatabase db = HistoryDatabase.open(d.url(), d.user(), d.password())) {
            HistoryDatabase.migrate(db.dataSource()); // a second start migrates nothing
            var info = Flyway.configure().dataSource(db.dataSource()).locations(HistoryDatabase.MIGRATIONS).load().info();
            assertThat(info.pending()).isEmpty();
            assertThat(info.applied()).extracting(m -> m.getVersion().getVersion()).containsExactly("1");
            assertThat(new HistoryQueries(db.dataSource()).runs(10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoRunsAreListedQueriedAndDiffed(Kind kind) throws Exception {
        TestDatabases.Db d = TestDatabases.fresh(kind, tmp);
        try (HistoryDatabase db = HistoryDatabase.open(d.url(), d.user(), d.password())) {
            // the earlier run audits C-0..C-11999, the later one C-1..C-12000
            String a = record(db, T0, "aaaaaaaaaaaa", 0, CLAIMS - 1, HistoryStoreTest::before);
            String b = record(db, T0.plus(Duration.ofDays(2)), "bbbbbbbbbbbb", 1, CLAIMS, HistoryStoreTest::after);
            HistoryQueries q = new HistoryQueries(db.dataSource());

            List<HistoryQueries.RunSummary> runs = q.runs(10);
            assertThat(runs).extracting(HistoryQueries.RunSummary::runId).containsExactly(b, a);
            HistoryQueries.RunSummary ra = runs.get(1);
            long findingsA = 0;
            long rejectA = 0;
            BigDecimal atRiskA = BigDecimal.ZERO;
            for (int i = 0; i < CLAIMS; i++) {
                findingsA += before(i).size();
                rejectA += AuditResult.statusOf(before(i)) == AuditResult.Status.REJECT ? 1 : 0;
                atRiskA = atRiskA.add(before(i).stream().map(HistoryStoreTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            assertThat(ra.claims()).isEqualTo(CLAIMS + 1);
            assertThat(ra.findings()).isEqualTo(findingsA);
            assertThat(ra.reject()).isEqualTo(rejectA);
            assertThat(ra.error()).isEqualTo(1);
            assertThat(ra.amountAtRisk()).isEqualByComparingTo(atRiskA);
            assertThat(ra.user()).isEqualTo("tester");
            assertThat(ra.finishedAt()).isEqualTo(T0.plusSeconds(60));

            HistoryQueries.RunDetail detail = q.run(a);
            assertThat(detail.inputs()).containsExactly(new InputFile("claims.jsonl", "ab".repeat(32), 123));
            assertThat(detail.referenceData()).extracting(ReferenceItem::kind)
                    .containsExactly(ReferenceItem.Kind.RULE_SET, ReferenceItem.Kind.NCCI);

            // one claim across both runs: findings as recorded, awkward text intact (COPY's CSV quoting)
            List<HistoryQueries.ClaimRun> c30 = q.claim("C-30", 10);
            assertThat(c30).extracting(HistoryQueries.ClaimRun::runId).containsExactly(a, b);
            assertThat(c30.get(0).findings()).extracting(HistoryQueries.FindingRow::ruleId).containsExactly("R1", "R2");
            HistoryQueries.FindingRow r2 = c30.get(0).findings().get(1);
            assertThat(r2.message()).isEqualTo(AWKWARD);
            assertThat(r2.lines()).isEqualTo("1,2");
            assertThat(r2.amountAtRisk()).isNull();
            assertThat(r2.carc()).isNull();
            assertThat(c30.get(0).findings().get(0).rarc()).isEqualTo("N362");
            assertThat(c30.get(1).findings()).extracting(HistoryQueries.FindingRow::ruleId).containsExactly("R1");
            assertThat(c30.get(1).findings().get(0).amountAtRisk()).isEqualByComparingTo("12.50");

            // findings by rule, payer, provider and date, with totals
            long r1Payer0Npi0 = 0;
            for (int i = 0; i < CLAIMS; i++) {
                if (i % 3 == 0 && i % 2 == 0 && i % 4 == 0) {
                    r1Payer0Npi0++;
                }
            }
            HistoryQueries.FindingReport onlyA = q.findings(new HistoryQueries.FindingQuery("NPI0", "R1", "PAYER0",
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), 5));
            assertThat(onlyA.findings()).isEqualTo(r1Payer0Npi0);
            assertThat(onlyA.claims()).isEqualTo(r1Payer0Npi0);
            assertThat(onlyA.amountAtRisk()).isEqualByComparingTo(new BigDecimal("10.00").multiply(BigDecimal.valueOf(r1Payer0Npi0)));
            assertThat(onlyA.rows()).hasSize(5).allSatisfy(f -> assertThat(f.runId()).isEqualTo(a));
            HistoryQueries.FindingReport all = q.findings(new HistoryQueries.FindingQuery(null, null, null, null, null, 1));
            assertThat(all.byRule()).extracting(HistoryQueries.RuleTotal::ruleId).containsExactly("R1", "R2", "R3");
            assertThat(all.findings()).isEqualTo(findingsA + q.runs(1).get(0).findings());

            // the diff over C-1..C-11999: expected from the two rule functions
            Map<Change, long[]> expected = new java.util.EnumMap<>(Change.class);
            Map<Change, BigDecimal> moved = new java.util.EnumMap<>(Change.class);
            for (int i = 1; i < CLAIMS; i++) {
                Map<String, Finding> x = before(i).stream().collect(Collectors.toMap(Finding::ruleId, f -> f));
                Map<String, Finding> y = after(i).stream().collect(Collectors.toMap(Finding::ruleId, f -> f));
                for (String rule : List.of("R1", "R2", "R3")) {
                    Finding fx = x.get(rule);
                    Finding fy = y.get(rule);
                    Change change = fx == null && fy != null ? Change.ADDED : fx != null && fy == null ? Change.REMOVED
                            : fx != null && !amount(fx).equals(amount(fy)) ? Change.CHANGED : null;
                    if (change != null) {
                        expected.computeIfAbsent(change, k -> new long[1])[0]++;
                        BigDecimal delta = (fy == null ? BigDecimal.ZERO : amount(fy)).subtract(fx == null ? BigDecimal.ZERO : amount(fx));
                        moved.merge(change, delta, BigDecimal::add);
                    }
                }
            }
            HistoryQueries.RunDiff diff = q.diff(a, b, 20);
            assertThat(diff.claimsInBoth()).isEqualTo(CLAIMS - 1);
            assertThat(diff.claimsOnlyBefore()).isEqualTo(1);
            assertThat(diff.claimsOnlyAfter()).isEqualTo(1);
            assertThat(diff.totals()).extracting(ChangeTotal::change).containsExactly(Change.ADDED, Change.CHANGED, Change.REMOVED);
            for (ChangeTotal t : diff.totals()) {
                assertThat(t.findings()).as(t.change().name()).isEqualTo(expected.get(t.change())[0]);
                assertThat(t.amountMoved()).as(t.change().name()).isEqualByComparingTo(moved.get(t.change()));
            }
            assertThat(diff.netAmountMoved()).isEqualByComparingTo(moved.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(diff.rows()).hasSize(20);
            assertThat(q.diff(a, "no-such-run", 5)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInterruptedRunLeavesNothingAndPurgeDeletesOldRuns(Kind kind) throws Exception {
        TestDatabases.Db d = TestDatabases.fresh(kind, tmp);
        try (HistoryDatabase db = HistoryDatabase.open(d.url(), d.user(), d.password())) {
            RunReference ref = new RunReference("cccccccccccc", List.of("Rule set cccccccccccc"));
            RunHeader header = RunHeader.start(RunHeader.Origin.REST, null, T0, LocalDate.of(2026, 10, 1),
                    "cccccccccccc", List.of());
            try (HistorySink sink = new HistorySink(db.dataSource(), header, ref,
                    CompletableFuture.completedFuture(List.of()), Clock.systemUTC())) {
                for (int i = 0; i < HistorySink.BATCH + 10; i++) { // one batch committed before the failure
                    List<Finding> f = before(i);
                    sink.accept(ClaimInput.ok(i, "x", claim("C-" + i, i)),
                            new AuditResult("C-" + i, AuditResult.statusOf(f), f, "cccccccccccc", List.of(), null));
                }
            } // closed without finish: the run failed
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM audit_run) + "
                         + "(SELECT COUNT(*) FROM claim_result) + (SELECT COUNT(*) FROM finding)")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }

            String old = record(db, T0, "aaaaaaaaaaaa", 0, 10, HistoryStoreTest::before);
            String recent = record(db, T0.plus(Duration.ofDays(30)), "bbbbbbbbbbbb", 0, 10, HistoryStoreTest::after);
            HistoryQueries q = new HistoryQueries(db.dataSource());
            assertThat(q.purgeStartedBefore(T0.plus(Duration.ofDays(10)))).isEqualTo(1);
            assertThat(q.runs(10)).extracting(HistoryQueries.RunSummary::runId).containsExactly(recent);
            assertThat(q.claim("C-3", 10)).extracting(HistoryQueries.ClaimRun::runId).containsExactly(recent);
            assertThat(q.run(old)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnreachableDatabaseIsOneLineNamingIt(Kind kind) {
        String url = kind == Kind.H2 ? "jdbc:h2:file:/proc/no-such-place/history"
                : "jdbc:postgresql://127.0.0.1:1/claims?connectTimeout=2";
        assertThatThrownBy(() -> HistoryDatabase.open(url, "u", "secret-pw"))
                .isInstanceOf(HistoryException.class)
                .hasMessageStartingWith("history database " + url + ": ")
                .hasMessageNotContaining("secret-pw");
    }
}
