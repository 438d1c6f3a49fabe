package org.claimauditor.engine;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.fact.AuditContext;
import org.claimauditor.engine.fact.ClaimFact;
import org.claimauditor.engine.fact.DiagnosisFact;
import org.claimauditor.engine.fact.LineFact;
import org.claimauditor.ncci.NcciEdits;
import org.claimauditor.ncci.NcciTables;
import org.kie.api.runtime.KieSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Runs claims through a {@link RuleSet}. Claims of the same patient are evaluated together in one
 * session, because date-of-service edits (PTP, MUE MAI 2/3) span claims of a patient, provider and day
 * in a retrospective batch; different patients are independent and run in parallel.
 */
public final class AuditEngine {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.lineNumbers().isEmpty() ? 0 : f.lineNumbers().get(0))
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    /**
     * Own pool rather than the common one: its threads carry the application class loader, which Drools
     * needs to find its runtime services when the app runs from the Spring Boot jar.
     */
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setContextClassLoader(AuditEngine.class.getClassLoader());
        t.setDaemon(true);
        t.setName("audit-" + t.getPoolIndex());
        return t;
    }, null, false);

    private AuditEngine() { }

    public static AuditResult auditOne(RuleSet rules, NcciTables ncci, ClaimInput input, LocalDate today) {
        return audit(rules, ncci, List.of(input), today).get(0);
    }

    /** One result per input, in input order; unreadable inputs become ERROR results. */
    public static List<AuditResult> audit(RuleSet rules, NcciTables ncci, List<ClaimInput> inputs, LocalDate today) {
        AuditResult[] results = new AuditResult[inputs.size()];
        List<String> referenceData = new ArrayList<>(rules.referenceData());
        referenceData.addAll(ncci.describe());
        Run run = new Run(rules, new NcciEdits(ncci, rules.addOnPrimaries()), List.copyOf(referenceData));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ClaimInput in = inputs.get(i);
            if (!in.readable()) {
                results[i] = new AuditResult(in.claimId(), AuditResult.Status.ERROR, List.of(), rules.version(),
                        run.referenceData(), in.error());
                continue;
            }
            Claim.Patient p = in.claim().patient();
            String key = p != null && p.id() != null ? "P:" + p.id() : "#" + i;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> work = new ArrayList<>(groups.values());
        if (work.size() == 1) {
            auditGroup(run, inputs, work.get(0), today, results);
        } else {
            POOL.submit(() -> work.parallelStream().forEach(g -> auditGroup(run, inputs, g, today, results))).join();
        }
        return List.of(results);
    }

    /** What every session of one audit shares. */
    private record Run(RuleSet rules, NcciEdits ncci, List<String> referenceData) { }

    private static void auditGroup(Run run, List<ClaimInput> inputs, List<Integer> group, LocalDate today,
                                   AuditResult[] results) {
        RuleSet rules = run.rules();
        FindingSink sink = new FindingSink(rules.rulesByKey());
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("out", sink);
            if (rules.globals().contains("ncci")) {
                session.setGlobal("ncci", run.ncci());
            }
            session.insert(new AuditContext(today));
            for (int seq : group) {
                insertClaim(session, new ClaimFact(seq, inputs.get(seq).claim()));
            }
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        for (int seq : group) {
            List<Finding> findings = new ArrayList<>(sink.findingsFor(seq));
            findings.sort(ORDER);
            results[seq] = new AuditResult(inputs.get(seq).claimId(), AuditResult.statusOf(findings),
                    List.copyOf(findings), rules.version(), run.referenceData(), null);
        }
    }

    private static void insertClaim(KieSession session, ClaimFact claim) {
        session.insert(claim);
        List<Claim.ServiceLine> lines = claim.getClaim().lines();
        for (int i = 0; i < lines.size(); i++) {
            session.insert(new LineFact(claim, i, lines.get(i)));
        }
        List<String> dx = claim.getClaim().diagnoses();
        for (int i = 0; i < dx.size(); i++) {
            session.insert(new DiagnosisFact(claim, i + 1, dx.get(i)));
        }
    }
}
