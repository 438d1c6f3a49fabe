package org.claimauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimauditor.history.HistoryDatabase;
import org.claimauditor.history.HistoryQueries;
import org.claimauditor.history.TestDatabases;
import org.claimauditor.history.TestDatabases.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit} records each run, {@code history} lists, queries and diffs them, on H2 (the default, under
 * --data-dir) and on PostgreSQL (--db-url): the sample claims with NCCI tables, then without them.
 */
class HistoryCliTest {

    static final Pattern RECORDED = Pattern.compile("Recorded: run (\\S+) in the audit history");

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    record Run(int exit, String out, String err) { }

    Run run(List<String> args) {
        streams.reset();
        int exit = Cli.run(args.toArray(String[]::new));
        return new Run(exit, streams.out(), streams.err());
    }

    Run run(List<String> db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(db);
        return run(all);
    }

    static String recordedRun(Run r) {
        Matcher m = RECORDED.matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return m.group(1);
    }

    /** (claim, rule, lines) of every finding in an audit-results.json. */
    static Set<String> findings(Path results) throws IOException {
        Set<String> out = new HashSet<>();
        for (JsonNode r : new ObjectMapper().readTree(results.toFile())) {
            for (JsonNode f : r.get("findings")) {
                out.add(r.get("claimId").asText() + "|" + f.get("ruleId").asText() + "|" + f.get("lineNumbers"));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoRunsWithDifferentReferenceDataAreListedQueriedAndDiffed(Kind kind) throws IOException {
        TestDatabases.Db d = TestDatabases.fresh(kind, dir);
        List<String> db = kind == Kind.H2 ? List.of("--data-dir", dir.resolve("h2-cli").toString())
                : List.of("--db-url", d.url(), "--db-user", d.user());
        Path out1 = dir.resolve("out1");
        Path out2 = dir.resolve("out2");
        Run first = run(db, "audit", "--ncci-dir", "test-claims/ncci-sample", "--today", "2026-11-01",
                "--format", "json", "--out", out1.toString(), "test-claims/samples");
        Run second = run(db, "audit", "--no-ncci", "--today", "2026-11-01", "--format", "json",
                "--out", out2.toString(), "test-claims/samples");
        assertThat(first.exit()).as(first.err()).isEqualTo(Cli.FINDINGS);
        assertThat(second.exit()).as(second.err()).isIn(Cli.OK, Cli.FINDINGS);
        String r1 = recordedRun(first);
        String r2 = recordedRun(second);

        Run runs = run(db, "history", "runs");
        assertThat(runs.exit()).isEqualTo(Cli.OK);
        assertThat(runs.out()).contains(r1, r2, "2 run(s)");
        assertThat(runs.out().indexOf(r2)).as("newest first").isLessThan(runs.out().indexOf(r1));

        Run detail = run(db, "history", "run", r1);
        assertThat(detail.out()).contains("test-claims/samples/sample-claims.jsonl", "sha256 ",
                "NCCI practitioner PTP v322r0", "PAYER_POLICY");

        // what the diff must find, from the two runs' own results files
        Set<String> before = findings(out1.resolve("audit-results.json"));
        Set<String> after = findings(out2.resolve("audit-results.json"));
        Set<String> removed = new HashSet<>(before);
        removed.removeAll(after);
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        assertThat(removed).as("NCCI findings only in the first run").isNotEmpty();
        try (HistoryDatabase open = HistoryDatabase.open(kind == Kind.H2
                ? HistoryDatabase.h2Url(dir.resolve("h2-cli")) : d.url(), d.user(), d.password())) {
            HistoryQueries.RunDiff diff = new HistoryQueries(open.dataSource()).diff(r1, r2, 100);
            assertThat(diff.claimsInBoth()).isEqualTo(9);
            assertThat(diff.rows().stream().filter(r -> r.change() == HistoryQueries.Change.REMOVED).count())
                    .isEqualTo(removed.size());
            assertThat(diff.rows().stream().filter(r -> r.change() == HistoryQueries.Change.ADDED).count())
                    .isEqualTo(added.size());
            assertThat(diff.netAmountMoved()).isLessThan(BigDecimal.ZERO);
        }
        Run diff = run(db, "history", "diff", r1, r2);
        assertThat(diff.exit()).isEqualTo(Cli.OK);
        assertThat(diff.out()).contains("9 claim(s) in both runs", "REMOVED", "NCCI-PTP-PAIR", "net change of amount at risk: -");

        Run claim = run(db, "history", "claim", "S-1008");
        assertThat(claim.out()).contains(r1, r2, "NCCI-MUE-LINE", "Claim S-1008: 2 run(s)");

        // the second run applied no NCCI table: every PTP finding is the first run's
        long ptp = before.stream().filter(f -> f.contains("|NCCI-PTP-PAIR|")).count();
        Run byRule = run(db, "history", "findings", "--rule", "NCCI-PTP-PAIR");
        assertThat(byRule.out().lines()).anyMatch(l -> l.startsWith(ptp + " finding(s) on "));
        Run noneForPayer = run(db, "history", "findings", "--rule", "NCCI-PTP-PAIR", "--payer", "NO-SUCH-PAYER");
        assertThat(noneForPayer.out().lines()).contains("0 finding(s) on 0 claim result(s), 0.00 at risk");

        Run notRecorded = run(db, "audit", "--no-record", "--no-ncci", "--format", "json",
                "--out", dir.resolve("out3").toString(), "test-claims/samples");
        assertThat(notRecorded.out()).doesNotContain("Recorded:");
        assertThat(run(db, "history", "runs").out()).contains("2 run(s)");

        Run purge = run(db, "history", "purge", "--older-than-days", "1");
        assertThat(purge.out()).contains("Deleted 0 run(s)");
    }

    @Test
    void anUnreachableDatabaseStopsTheAuditBeforeItStarts() {
        Run r = run(List.of("audit", "--db-url", "jdbc:postgresql://127.0.0.1:1/claims?connectTimeout=2",
                "--no-ncci", "--out", dir.resolve("out").toString(), "test-claims/samples"));
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("history database jdbc:postgresql://127.0.0.1:1/claims?connectTimeout=2: ")
                .endsWith("(--no-record audits without recording)");
        assertThat(dir.resolve("out/audit-results.json")).doesNotExist();
    }

    @Test
    void anUnknownRunIsOneLine() {
        Run r = run(List.of("history", "diff", "nope-1", "nope-2", "--data-dir", dir.toString()));
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).startsWith("history diff: nope-1 or nope-2 is not a complete run");
    }
}
