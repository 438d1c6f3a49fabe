package org.claimauditor.engine;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.codes.CodeChecks;
import org.claimauditor.engine.fact.AuditContext;
import org.claimauditor.engine.fact.ClaimFact;
import org.claimauditor.engine.fact.DiagnosisFact;
import org.claimauditor.engine.fact.LineFact;
import org.claimauditor.ncci.NcciEdits;
import org.claimauditor.policy.PayerPolicy;
import org.claimauditor.policy.PolicyEntry;
import org.claimauditor.policy.PolicySet;
import org.kie.api.runtime.StatelessKieSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;

/**
 * Runs claims through a {@link RuleSet}. Claims of the same patient are evaluated together in one
 * session, because date-of-service edits (PTP, MUE MAI 2/3, frequency limits) span claims of a patient in a
 * retrospective batch; different patients are independent and run in parallel. Prior claims supplied as
 * history join their patient's session as context and get no result of their own.
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

    /**
     * Claims evaluated together in one session (whole patients, so a patient never spans two sessions). Measured on
     * 100,000 generated claims: 16 → 38k, 32–64 → 41k, 128 → 40k, 512 → 30k, 2,048 → 26k claims/s (the rules' tuple
     * memory together grows costly; see BENCHMARKS.md), so sessions stay small.
     */
    static final int CLAIMS_PER_SESSION = Integer.getInteger("auditor.claims-per-session", 64);

    private AuditEngine() { }

    public static AuditResult auditOne(RuleSet rules, Reference ref, ClaimInput input, LocalDate today) {
        return audit(rules, ref, List.of(input), List.of(), today).get(0);
    }

    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, LocalDate today) {
        return audit(rules, ref, inputs, List.of(), today);
    }

    /** One result per input, in input order; unreadable inputs become ERROR results; history gets none. */
    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, List<Claim> history,
                                          LocalDate today) {
        return audit(rules, ref, inputs, history, today, n -> { });
    }

    /** As above, telling {@code audited} how many inputs each finished session held (for a progress meter). */
    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, List<Claim> history,
                                          LocalDate today, IntConsumer audited) {
        AuditResult[] results = new AuditResult[inputs.size()];
        List<String> referenceData = new ArrayList<>(rules.referenceData());
        referenceData.addAll(ref.describe());
        Run run = new Run(rules, new NcciEdits(ref.ncci()),
                new CodeChecks(rules.codeGroups(), rules.demographics(), ref.ncci(), ref.codeSets()),
                List.copyOf(referenceData), inputs, history, today);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ClaimInput in = inputs.get(i);
            if (!in.readable()) {
                results[i] = new AuditResult(in.claimId(), AuditResult.Status.ERROR, List.of(), rules.version(),
                        run.referenceData(), in.error());
                audited.accept(1);
                continue;
            }
            groups.computeIfAbsent(patientKey(in.claim(), i), k -> new ArrayList<>()).add(i);
        }
        Map<String, List<Claim>> historyByPatient = new LinkedHashMap<>();
        for (Claim h : history) {
            if (h.patient() != null && h.patient().id() != null && groups.containsKey("P:" + h.patient().id())) {
                historyByPatient.computeIfAbsent("P:" + h.patient().id(), k -> new ArrayList<>()).add(h);
            }
        }
        // Patients are independent, so many of them share one session (the rules join lines on patient id,
        // which Drools indexes): creating a session per patient would cost more than evaluating the claims.
        List<List<Map.Entry<String, List<Integer>>>> chunks = new ArrayList<>();
        List<Map.Entry<String, List<Integer>>> chunk = new ArrayList<>();
        int claimsInChunk = 0;
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            chunk.add(g);
            claimsInChunk += g.getValue().size();
            if (claimsInChunk >= CLAIMS_PER_SESSION) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                claimsInChunk = 0;
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        if (chunks.size() == 1) {
            auditChunk(run, chunks.get(0), historyByPatient, results);
            audited.accept(claimsIn(chunks.get(0)));
        } else if (chunks.size() > 1) {
            POOL.submit(() -> chunks.parallelStream().forEach(c -> {
                auditChunk(run, c, historyByPatient, results);
                audited.accept(claimsIn(c));
            })).join();
        }
        return List.of(results);
    }

    private static String patientKey(Claim claim, int index) {
        Claim.Patient p = claim.patient();
        return p != null && p.id() != null ? "P:" + p.id() : "#" + index;
    }

    /** What every session of one audit shares. */
    private record Run(RuleSet rules, NcciEdits ncci, CodeChecks codes, List<String> referenceData,
                       List<ClaimInput> inputs, List<Claim> history, LocalDate today) { }

    private static int claimsIn(List<Map.Entry<String, List<Integer>>> patients) {
        return patients.stream().mapToInt(p -> p.getValue().size()).sum();
    }

    private static void auditChunk(Run run, List<Map.Entry<String, List<Integer>>> patients,
                                   Map<String, List<Claim>> historyByPatient, AuditResult[] results) {
        List<Integer> group = new ArrayList<>();
        List<Claim> history = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> p : patients) {
            group.addAll(p.getValue());
            history.addAll(historyByPatient.getOrDefault(p.getKey(), List.of()));
        }
        auditGroup(run, group, history, results);
    }

    private static void auditGroup(Run run, List<Integer> group, List<Claim> history, AuditResult[] results) {
        RuleSet rules = run.rules();
        PolicySet policies = rules.policies();
        FindingSink sink = new FindingSink(rules.rulesByKey(), rules.plausibility());
        Map<Integer, PolicySet.Resolution> resolutions = new LinkedHashMap<>();
        Set<PayerPolicy> involved = new LinkedHashSet<>();
        List<Object> facts = new ArrayList<>();
        facts.add(new AuditContext(run.today()));
        for (int seq : group) {
            Claim claim = run.inputs().get(seq).claim();
            PolicySet.Resolution r = policies.resolve(claim.payerId());
            resolutions.put(seq, r);
            addClaim(facts, new ClaimFact(seq, claim, r.policy(), false), involved);
        }
        int historySeq = -1;
        for (Claim h : history) {
            addClaim(facts, new ClaimFact(historySeq--, h, policies.resolve(h.payerId()).policy(), true), involved);
        }
        for (PayerPolicy p : involved) {
            facts.addAll(p.entries());
        }
        // stateless + sequential (see RuleSetLoader): all facts in, one pass, nothing kept
        StatelessKieSession session = rules.kieBase().newStatelessKieSession();
        session.setGlobal("out", sink);
        if (rules.globals().contains("ncci")) {
            session.setGlobal("ncci", run.ncci());
        }
        if (rules.globals().contains("codes")) {
            session.setGlobal("codes", run.codes());
        }
        if (rules.globals().contains("plausible")) {
            session.setGlobal("plausible", rules.plausibility());
        }
        session.execute(facts);
        for (int seq : group) {
            List<Finding> findings = new ArrayList<>(sink.findingsFor(seq));
            findings.sort(ORDER);
            List<String> refs = new ArrayList<>(run.referenceData());
            refs.add(resolutions.get(seq).describe());
            results[seq] = new AuditResult(run.inputs().get(seq).claimId(), AuditResult.statusOf(findings),
                    List.copyOf(findings), rules.version(), List.copyOf(refs), null);
        }
    }

    private static void addClaim(List<Object> facts, ClaimFact claim, Set<PayerPolicy> involved) {
        facts.add(claim);
        if (claim.getPolicy() != null) {
            involved.add(claim.getPolicy());
        }
        List<Claim.ServiceLine> lines = claim.getClaim().lines();
        for (int i = 0; i < lines.size(); i++) {
            facts.add(new LineFact(claim, i, lines.get(i)));
        }
        List<String> dx = claim.getClaim().diagnoses();
        for (int i = 0; i < dx.size(); i++) {
            facts.add(new DiagnosisFact(claim, i + 1, dx.get(i)));
        }
    }
}
