package org.claimauditor.engine;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.codes.CodeChecks;
import org.claimauditor.engine.fact.AuditContext;
import org.claimauditor.engine.fact.ClaimFact;
import org.claimauditor.engine.fact.DiagnosisFact;
import org.claimauditor.engine.fact.FactChecks;
import org.claimauditor.engine.fact.LineFact;
import org.claimauditor.ncci.NcciCandidates;
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
        return auditOne(rules, ref, input, today, Limits.DEFAULTS);
    }

    public static AuditResult auditOne(RuleSet rules, Reference ref, ClaimInput input, LocalDate today, Limits limits) {
        return audit(rules, ref, List.of(input), List.of(), today, limits, n -> { }).get(0);
    }

    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, LocalDate today) {
        return audit(rules, ref, inputs, List.of(), today, Limits.DEFAULTS, n -> { });
    }

    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, LocalDate today,
                                          Limits limits) {
        return audit(rules, ref, inputs, List.of(), today, limits, n -> { });
    }

    /** One result per input, in input order; unreadable inputs become ERROR results; history gets none. */
    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, List<Claim> history,
                                          LocalDate today) {
        return audit(rules, ref, inputs, history, today, Limits.DEFAULTS, n -> { });
    }

    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, List<Claim> history,
                                          LocalDate today, Limits limits) {
        return audit(rules, ref, inputs, history, today, limits, n -> { });
    }

    /** As above, telling {@code audited} how many inputs each finished session held (for a progress meter). */
    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, List<Claim> history,
                                          LocalDate today, IntConsumer audited) {
        return audit(rules, ref, inputs, history, today, Limits.DEFAULTS, audited);
    }

    /**
     * One result per input, in input order, whatever the claims hold: an unreadable input, a claim over a limit, or
     * a claim whose rules throw gets an ERROR result naming why, and every other claim its normal result.
     */
    public static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, List<Claim> history,
                                          LocalDate today, Limits limits, IntConsumer audited) {
        return audit(rules, ref, inputs, history, today, limits, audited, true);
    }

    /**
     * As {@link #audit(RuleSet, Reference, List, List, LocalDate, Limits, IntConsumer)}, every session on the calling
     * thread: for callers that run one audit per core themselves (a Spark task per core), where the engine's own
     * pool would put every task's sessions on the same threads.
     */
    public static List<AuditResult> auditOnThisThread(RuleSet rules, Reference ref, List<ClaimInput> inputs,
                                                      List<Claim> history, LocalDate today, Limits limits) {
        return audit(rules, ref, inputs, history, today, limits, n -> { }, false);
    }

    private static List<AuditResult> audit(RuleSet rules, Reference ref, List<ClaimInput> inputs, List<Claim> history,
                                           LocalDate today, Limits limits, IntConsumer audited, boolean parallel) {
        AuditResult[] results = new AuditResult[inputs.size()];
        List<String> referenceData = new ArrayList<>(rules.referenceData());
        referenceData.addAll(ref.describe());
        Run run = new Run(rules, new NcciEdits(ref.ncci()),
                new CodeChecks(rules.codeGroups(), rules.demographics(), ref.ncci(), ref.codeSets()),
                List.copyOf(referenceData), inputs, history, today, limits);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ClaimInput in = inputs.get(i);
            String refused = !in.readable() ? in.error() : refusal(in.claim(), limits);
            if (refused != null) {
                results[i] = new AuditResult(in.claimId(), AuditResult.Status.ERROR, List.of(), rules.version(),
                        run.referenceData(), refused);
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
        // A session also holds at most the same-day line pairs of one claim at the line limit: Drools builds every
        // pair of a join before the first match (no limit can stop it there), so that bounds a session's work.
        long pairBudget = (long) limits.maxLinesPerClaim() * limits.maxLinesPerClaim();
        List<List<Map.Entry<String, List<Integer>>>> chunks = new ArrayList<>();
        List<Map.Entry<String, List<Integer>>> chunk = new ArrayList<>();
        int claimsInChunk = 0;
        long pairsInChunk = 0;
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            SameDay sameDay = SameDay.of(g.getValue(), historyByPatient.getOrDefault(g.getKey(), List.of()), inputs,
                    pairBudget);
            if (sameDay.pairs() > pairBudget) {
                fail(run, g.getValue(), sameDay.refusal(limits), results);
                audited.accept(g.getValue().size());
                continue;
            }
            if (!chunk.isEmpty() && pairsInChunk + sameDay.pairs() > pairBudget) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                claimsInChunk = 0;
                pairsInChunk = 0;
            }
            chunk.add(g);
            claimsInChunk += g.getValue().size();
            pairsInChunk += sameDay.pairs();
            if (claimsInChunk >= CLAIMS_PER_SESSION) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                claimsInChunk = 0;
                pairsInChunk = 0;
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        if (chunks.size() == 1 || !parallel) {
            for (List<Map.Entry<String, List<Integer>>> c : chunks) {
                auditChunk(run, c, historyByPatient, results);
                audited.accept(claimsIn(c));
            }
        } else if (chunks.size() > 1) {
            POOL.submit(() -> chunks.parallelStream().forEach(c -> {
                auditChunk(run, c, historyByPatient, results);
                audited.accept(claimsIn(c));
            })).join();
        }
        return List.of(results);
    }

    /**
     * Why the engine will not evaluate a claim, or null. The reader refuses such claims already; this keeps the
     * engine safe from claims built in code: line × line joins on thousands of lines, or a charge like 1e999999999
     * whose sum with cents needs a billion digits.
     */
    static String refusal(Claim claim, Limits limits) {
        if (claim.lines().size() > limits.maxLinesPerClaim()) {
            return String.format("the claim has %,d service lines, more than the limit of %,d "
                    + "(auditor.limits.max-lines-per-claim)", claim.lines().size(), limits.maxLinesPerClaim());
        }
        for (int i = 0; i < claim.lines().size(); i++) {
            java.math.BigDecimal c = claim.lines().get(i).charge();
            if (c != null && (c.scale() > MAX_CHARGE_DIGITS || c.precision() - c.scale() > MAX_CHARGE_DIGITS)) {
                return "$.lines[" + i + "].charge cannot be represented: more than " + MAX_CHARGE_DIGITS
                        + " digits before or after the decimal point";
            }
        }
        return null;
    }

    /**
     * Pairs of one patient's lines (claims and history) on the same date of service: what the PTP, MUE, modifier
     * and add-on joins compare. Counted exactly only when the plain upper bound (all lines squared) is too big.
     */
    private record SameDay(long pairs, int busiestLines, LocalDate busiestDate) {

        static SameDay of(List<Integer> claims, List<Claim> history, List<ClaimInput> inputs, long budget) {
            List<Claim> all = new ArrayList<>(history);
            long lines = 0;
            for (int seq : claims) {
                all.add(inputs.get(seq).claim());
            }
            for (Claim c : all) {
                lines += c.lines().size();
            }
            if (lines * lines <= budget) {
                return new SameDay(lines * lines, 0, null);
            }
            Map<LocalDate, Integer> byDate = new java.util.HashMap<>();
            for (Claim c : all) {
                for (Claim.ServiceLine l : c.lines()) {
                    byDate.merge(l.serviceDate() == null ? LocalDate.MIN : l.serviceDate(), 1, Integer::sum);
                }
            }
            long pairs = 0;
            Map.Entry<LocalDate, Integer> busiest = null;
            for (Map.Entry<LocalDate, Integer> e : byDate.entrySet()) {
                pairs += (long) e.getValue() * e.getValue();
                if (busiest == null || e.getValue() > busiest.getValue()) {
                    busiest = e;
                }
            }
            return new SameDay(pairs, busiest.getValue(), busiest.getKey());
        }

        String refusal(Limits limits) {
            return String.format("the patient's claims have %,d pairs of same-day service lines to compare (%,d lines "
                    + "on %s), more than one claim at the limit of %,d lines (auditor.limits.max-lines-per-claim)",
                    pairs, busiestLines, busiestDate == LocalDate.MIN ? "no date" : busiestDate, limits.maxLinesPerClaim());
        }
    }

    /** Far beyond any real amount (see the CLAIM_DATA plausibility rules) yet cheap to add up. */
    static final int MAX_CHARGE_DIGITS = 1000;

    private static String patientKey(Claim claim, int index) {
        Claim.Patient p = claim.patient();
        return p != null && p.id() != null ? "P:" + p.id() : "#" + index;
    }

    /** What every session of one audit shares. */
    private record Run(RuleSet rules, NcciEdits ncci, CodeChecks codes, List<String> referenceData,
                       List<ClaimInput> inputs, List<Claim> history, LocalDate today, Limits limits) { }

    private static int claimsIn(List<Map.Entry<String, List<Integer>>> patients) {
        return patients.stream().mapToInt(p -> p.getValue().size()).sum();
    }

    /**
     * Evaluates the patients together; if the session throws or hits a limit, each patient is evaluated alone, so
     * only the claims of the patient that fails again get an ERROR result and the others their normal results.
     */
    private static void auditChunk(Run run, List<Map.Entry<String, List<Integer>>> patients,
                                   Map<String, List<Claim>> historyByPatient, AuditResult[] results) {
        List<Integer> group = new ArrayList<>();
        List<Claim> history = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> p : patients) {
            group.addAll(p.getValue());
            history.addAll(historyByPatient.getOrDefault(p.getKey(), List.of()));
        }
        String failure = auditGroup(run, group, history, results);
        if (failure == null) {
            return;
        }
        if (patients.size() == 1) {
            fail(run, group, failure, results);
            return;
        }
        for (Map.Entry<String, List<Integer>> p : patients) {
            String alone = auditGroup(run, p.getValue(), historyByPatient.getOrDefault(p.getKey(), List.of()), results);
            if (alone != null) {
                fail(run, p.getValue(), alone, results);
            }
        }
    }

    private static void fail(Run run, List<Integer> group, String error, AuditResult[] results) {
        for (int seq : group) {
            results[seq] = new AuditResult(run.inputs().get(seq).claimId(), AuditResult.Status.ERROR, List.of(),
                    run.rules().version(), run.referenceData(), error);
        }
    }

    /** Evaluates one session and stores its results; on failure stores nothing and says why in one line. */
    private static String auditGroup(Run run, List<Integer> group, List<Claim> history, AuditResult[] results) {
        RuleSet rules = run.rules();
        PolicySet policies = rules.policies();
        Limits limits = run.limits();
        FindingSink sink = new FindingSink(rules.rulesByKey(), rules.plausibility(), limits.maxFindingsPerClaim());
        Map<Integer, PolicySet.Resolution> resolutions = new LinkedHashMap<>();
        try {
            Set<PayerPolicy> involved = new LinkedHashSet<>();
            List<Object> facts = new ArrayList<>();
            List<LineFact> lines = new ArrayList<>();
            facts.add(new AuditContext(run.today()));
            FactChecks checks = new FactChecks(run.codes(), run.ncci());
            for (int seq : group) {
                Claim claim = run.inputs().get(seq).claim();
                PolicySet.Resolution r = policies.resolve(claim.payerId());
                resolutions.put(seq, r);
                addClaim(facts, lines, new ClaimFact(seq, claim, r.policy(), false, checks), involved);
            }
            int historySeq = -1;
            for (Claim h : history) {
                addClaim(facts, lines, new ClaimFact(historySeq--, h, policies.resolve(h.payerId()).policy(), true, checks), involved);
            }
            for (PayerPolicy p : involved) {
                facts.addAll(p.entries());
            }
            if (rules.globals().contains("ncci")) {
                // PTP pairs, MUE day sums and add-on lines found in Java: no line × line joins in the network
                facts.addAll(NcciCandidates.of(run.ncci(), lines));
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
            session.addEventListener(new SessionGuard(limits));
            session.execute(facts);
        } catch (RuntimeException | StackOverflowError e) {
            return SessionFailure.describe(e, rules);
        }
        for (int seq : group) {
            List<String> refs = new ArrayList<>(run.referenceData());
            refs.add(resolutions.get(seq).describe());
            if (sink.overLimit(seq)) {
                results[seq] = new AuditResult(run.inputs().get(seq).claimId(), AuditResult.Status.ERROR, List.of(),
                        rules.version(), List.copyOf(refs), String.format("the claim has more than %,d findings "
                        + "(auditor.limits.max-findings-per-claim); its findings were not kept",
                        sink.maxFindingsPerClaim()));
                continue;
            }
            List<Finding> findings = new ArrayList<>(sink.findingsFor(seq));
            findings.sort(ORDER);
            results[seq] = new AuditResult(run.inputs().get(seq).claimId(), AuditResult.statusOf(findings),
                    List.copyOf(findings), rules.version(), List.copyOf(refs), null);
        }
        return null;
    }

    private static void addClaim(List<Object> facts, List<LineFact> lineFacts, ClaimFact claim, Set<PayerPolicy> involved) {
        facts.add(claim);
        if (claim.getPolicy() != null) {
            involved.add(claim.getPolicy());
        }
        List<Claim.ServiceLine> lines = claim.getClaim().lines();
        for (int i = 0; i < lines.size(); i++) {
            LineFact line = new LineFact(claim, i, lines.get(i));
            facts.add(line);
            lineFacts.add(line);
        }
        List<String> dx = claim.getClaim().diagnoses();
        for (int i = 0; i < dx.size(); i++) {
            facts.add(new DiagnosisFact(claim, i + 1, dx.get(i)));
        }
    }
}
