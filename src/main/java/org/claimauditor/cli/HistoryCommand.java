package org.claimauditor.cli;

import org.claimauditor.history.HistoryDatabase;
import org.claimauditor.history.HistoryException;
import org.claimauditor.history.HistoryQueries;
import org.claimauditor.history.HistoryQueries.ChangeTotal;
import org.claimauditor.history.HistoryQueries.ClaimRun;
import org.claimauditor.history.HistoryQueries.DiffRow;
import org.claimauditor.history.HistoryQueries.FindingReport;
import org.claimauditor.history.HistoryQueries.FindingRow;
import org.claimauditor.history.HistoryQueries.RuleTotal;
import org.claimauditor.history.HistoryQueries.RunDiff;
import org.claimauditor.history.HistoryQueries.RunSummary;
import org.claimauditor.history.InputFile;
import org.claimauditor.history.ReferenceItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code history}: the recorded runs, one claim across runs, findings by provider, rule, payer and dates with
 * totals, the difference between two runs, and the retention purge. Reads the database {@code audit} records into.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Query the audit history: runs, claim ID, findings, run RUN, diff RUN1 RUN2, purge.",
        subcommands = {HistoryCommand.Runs.class, HistoryCommand.Run.class, HistoryCommand.ClaimHistory.class,
                HistoryCommand.Findings.class, HistoryCommand.Diff.class, HistoryCommand.Purge.class})
final class HistoryCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }

    /** Opens the database, runs the query, prints; a database failure is one line and exit 2. */
    static int withQueries(DatabaseOptions db, Function<HistoryQueries, Integer> query) {
        try (HistoryDatabase open = db.open()) {
            return query.apply(new HistoryQueries(open.dataSource()));
        } catch (HistoryException e) {
            System.err.println(e.getMessage());
            return Cli.USAGE;
        }
    }

    static String money(BigDecimal amount) {
        return amount == null ? "-" : String.format("%,.2f", amount);
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "List the recorded runs, newest first.")
    static final class Runs implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--limit", defaultValue = "50", description = "Runs to list (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            return withQueries(db, q -> {
                List<RunSummary> runs = q.runs(limit);
                PrintStream out = System.out;
                out.printf("%-36s  %-20s  %-4s  %-12s  %-12s  %9s  %7s  %7s  %7s  %7s  %9s  %14s%n", "run", "started (UTC)",
                        "from", "user", "rule set", "claims", "pass", "review", "reject", "error", "findings", "at risk");
                for (RunSummary r : runs) {
                    out.printf("%-36s  %-20s  %-4s  %-12s  %-12s  %9d  %7d  %7d  %7d  %7d  %9d  %14s%n", r.runId(),
                            r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.origin(),
                            r.user() == null ? "-" : r.user(), r.ruleSetVersion(), r.claims(), r.pass(), r.review(),
                            r.reject(), r.error(), r.findings(), money(r.amountAtRisk()));
                }
                out.println(runs.size() + " run(s)");
                return Cli.OK;
            });
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "One run: totals, input files with their SHA-256, reference data.")
    static final class Run implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(paramLabel = "RUN", description = "Run id (see: history runs).")
        String runId;

        @Override
        public Integer call() {
            return withQueries(db, q -> {
                HistoryQueries.RunDetail d = q.run(runId);
                if (d == null) {
                    System.err.println("history run: no complete run " + runId + " (see: claim-auditor history runs)");
                    return Cli.USAGE;
                }
                RunSummary r = d.run();
                System.out.printf("Run %s (%s, user %s), %s to %s, audit date %s, rule set %s%n", r.runId(), r.origin(),
                        r.user(), r.startedAt(), r.finishedAt(), r.auditDate(), r.ruleSetVersion());
                System.out.printf("  %d claims: PASS %d  REVIEW %d  REJECT %d  ERROR %d; %d findings, %s at risk%n",
                        r.claims(), r.pass(), r.review(), r.reject(), r.error(), r.findings(), money(r.amountAtRisk()));
                System.out.println("Inputs:");
                for (InputFile f : d.inputs()) {
                    System.out.printf("  %s  %,d bytes  sha256 %s%n", f.name(), f.bytes(), f.sha256());
                }
                System.out.println("Reference data:");
                for (ReferenceItem i : d.referenceData()) {
                    System.out.printf("  %-12s %s%s%n", i.kind(), i.description(), i.sha256() == null ? "" : "  sha256 " + i.sha256());
                }
                return Cli.OK;
            });
        }
    }

    @Command(name = "claim", mixinStandardHelpOptions = true,
            description = "One claim across the recorded runs, oldest first: status and findings in each.")
    static final class ClaimHistory implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(paramLabel = "ID", description = "Claim id.")
        String claimId;

        @Option(names = "--limit", defaultValue = "100", description = "Newest runs to show (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            return withQueries(db, q -> {
                List<ClaimRun> runs = q.claim(claimId, limit);
                for (ClaimRun r : runs) {
                    System.out.printf("%s  run %s  rule set %s  %s%s%n", r.startedAt(), r.runId(), r.ruleSetVersion(),
                            r.status(), r.payerPolicy() == null ? "" : "  payer policy " + r.payerPolicy());
                    r.findings().forEach(HistoryCommand::printFinding);
                }
                System.out.println("Claim " + claimId + ": " + runs.size() + " run(s)");
                return Cli.OK;
            });
        }
    }

    static void printFinding(FindingRow f) {
        System.out.printf("    %-7s %-28s lines %-6s %12s  %s%s%n", f.severity(), f.ruleId(),
                f.lines().isEmpty() ? "-" : f.lines(), money(f.amountAtRisk()),
                f.carc() == null ? "" : f.groupCode() + "-" + f.carc() + (f.rarc().isEmpty() ? "" : " " + f.rarc()) + "  ",
                f.message());
    }

    @Command(name = "findings", mixinStandardHelpOptions = true,
            description = "Findings of the recorded runs by provider, rule, payer and run date, with totals per rule.")
    static final class Findings implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--provider", paramLabel = "NPI", description = "Billing or rendering provider NPI.")
        String provider;

        @Option(names = "--rule", paramLabel = "ID", description = "Rule id, e.g. NCCI-PTP-PAIR.")
        String rule;

        @Option(names = "--payer", paramLabel = "ID", description = "Payer id, e.g. MEDICARE.")
        String payer;

        @Option(names = "--from", paramLabel = "DATE", description = "Runs started on or after this date (UTC).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Runs started on or before this date (UTC).")
        LocalDate to;

        @Option(names = "--limit", defaultValue = "50", description = "Findings to list below the totals (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            if (from != null && to != null && from.isAfter(to)) {
                System.err.println("history findings: --from " + from + " is after --to " + to);
                return Cli.USAGE;
            }
            return withQueries(db, q -> {
                FindingReport r = q.findings(new HistoryQueries.FindingQuery(provider, rule, payer, from, to, limit));
                System.out.printf("%d finding(s) on %d claim result(s), %s at risk%n", r.findings(), r.claims(),
                        money(r.amountAtRisk()));
                for (RuleTotal t : r.byRule()) {
                    System.out.printf("  %-28s %9d findings  %9d claims  %14s%n", t.ruleId(), t.findings(), t.claims(),
                            money(t.amountAtRisk()));
                }
                if (!r.rows().isEmpty()) {
                    System.out.println("Newest " + r.rows().size() + ":");
                }
                for (FindingRow f : r.rows()) {
                    System.out.printf("  run %s claim %s%n", f.runId(), f.claimId());
                    printFinding(f);
                }
                return Cli.OK;
            });
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Findings added, removed and changed from RUN1 to RUN2 over the claims both audited, "
                    + "and the amount at risk they move.")
    static final class Diff implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(index = "0", paramLabel = "RUN1", description = "The earlier run.")
        String before;

        @Parameters(index = "1", paramLabel = "RUN2", description = "The later run.")
        String after;

        @Option(names = "--limit", defaultValue = "100", description = "Changed findings to list (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            return withQueries(db, q -> {
                RunDiff d = q.diff(before, after, limit);
                if (d == null) {
                    System.err.println("history diff: " + before + " or " + after
                            + " is not a complete run (see: claim-auditor history runs)");
                    return Cli.USAGE;
                }
                System.out.printf("%d claim(s) in both runs (%d only in %s, %d only in %s)%n", d.claimsInBoth(),
                        d.claimsOnlyBefore(), before, d.claimsOnlyAfter(), after);
                for (ChangeTotal t : d.totals()) {
                    System.out.printf("  %-8s %9d finding(s)  %14s%n", t.change(), t.findings(), money(t.amountMoved()));
                }
                System.out.println("  net change of amount at risk: " + money(d.netAmountMoved()));
                for (DiffRow r : d.rows()) {
                    System.out.printf("  %-8s claim %s  %-28s lines %-6s %s -> %s  %s -> %s%n", r.change(), r.claimId(),
                            r.ruleId(), r.lines().isEmpty() ? "-" : r.lines(), nz(r.severityBefore()), nz(r.severityAfter()),
                            money(r.amountBefore()), money(r.amountAfter()));
                }
                return Cli.OK;
            });
        }

        private static String nz(String s) {
            return s == null ? "-" : s;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete the runs (and their claims and findings) started more than DAYS days ago.")
    static final class Purge implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--older-than-days", required = true, paramLabel = "DAYS", description = "Age in days, at least 1.")
        int days;

        @Override
        public Integer call() {
            if (days < 1) {
                System.err.println("history purge: --older-than-days " + days + ": expected at least 1 day");
                return Cli.USAGE;
            }
            return withQueries(db, q -> {
                int purged = q.purgeStartedBefore(DatabaseOptions.cutoff(days, Clock.systemUTC()));
                System.out.println("Deleted " + purged + " run(s) started more than " + days + " days ago");
                return Cli.OK;
            });
        }
    }
}
