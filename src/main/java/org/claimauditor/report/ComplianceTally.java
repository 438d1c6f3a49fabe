package org.claimauditor.report;

import org.claimauditor.claim.Claim.ServiceLine;
import org.claimauditor.engine.AuditResult;
import org.claimauditor.engine.Category;
import org.claimauditor.engine.Finding;
import org.claimauditor.engine.Severity;
import org.claimauditor.report.ComplianceReport.BypassRow;
import org.claimauditor.report.ComplianceReport.CarcRow;
import org.claimauditor.report.ComplianceReport.CategoryRow;
import org.claimauditor.report.ComplianceReport.ClaimCounts;
import org.claimauditor.report.ComplianceReport.CodeRow;
import org.claimauditor.report.ComplianceReport.FixFirstRow;
import org.claimauditor.report.ComplianceReport.Rates;
import org.claimauditor.report.ComplianceReport.TopClaim;
import org.claimauditor.report.ComplianceReport.EmFamily;
import org.claimauditor.report.ComplianceReport.EmLevels;
import org.claimauditor.report.ComplianceReport.EmMix;
import org.claimauditor.report.ComplianceReport.EmProviderRow;
import org.claimauditor.report.ComplianceReport.FindingCounts;
import org.claimauditor.report.ComplianceReport.ModifierBypass;
import org.claimauditor.report.ComplianceReport.MonthRow;
import org.claimauditor.report.ComplianceReport.PayerRow;
import org.claimauditor.report.ComplianceReport.ProviderRow;
import org.claimauditor.report.ComplianceReport.Ranked;
import org.claimauditor.report.ComplianceReport.RuleRow;
import org.claimauditor.report.ComplianceReport.RunInfo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The run's aggregates, updated claim by claim: counters keyed by category, rule, payer, provider, procedure code,
 * rule × provider and month of service, each provider's coding profile, and a bounded heap of the claims with the
 * most money at risk. Memory grows with the number of distinct keys (providers, payers, codes, rules), never with
 * claims or findings.
 */
final class ComplianceTally {

    /** The {@code byCarc} key of denials whose rule has no remittance codes. */
    static final String NO_CARC = "(none)";
    static final List<String> BYPASS_MODIFIERS = CodingProfile.BYPASS_MODIFIERS;
    /** Rule × provider pairs in the "fix first" list. */
    static final int FIX_FIRST = 10;
    /** Rule ids listed per top claim. */
    static final int RULES_PER_CLAIM = 5;
    static final List<String> EM_NEW = List.of("99202", "99203", "99204", "99205");
    static final List<String> EM_ESTABLISHED = List.of("99211", "99212", "99213", "99214", "99215");
    static final String EM_NOTE = "E/M level distribution per rendering provider against all providers in this run. "
            + "A signal for review (possible upcoding or undercoding), not a finding: a different mix can be "
            + "explained by specialty and patients.";

    /** New-patient codes first, then established, as in {@link CodingProfile#EM_INDEX} (which goes on with more). */
    private static final int EM_SLOTS = EM_NEW.size() + EM_ESTABLISHED.size();

    /** Counters for one key. {@code claims} counts each claim once however many times it touches the key. */
    private static final class Tally {
        long claims;
        long findings;
        long rejected;
        long lines;
        long bypassLines;
        final long[] severities = new long[Severity.values().length];
        BigDecimal amount = BigDecimal.ZERO;
        long[] em;
        Category category;
        Severity severity;
        private long lastClaim = -1;

        /** Counts the claim once, and once among the rejected when it was rejected. */
        Tally claim(long seq, boolean reject) {
            if (lastClaim != seq) {
                lastClaim = seq;
                claims++;
                if (reject) {
                    rejected++;
                }
            }
            return this;
        }

        Rates rates() {
            return new Rates(rate(findings, claims), rate(rejected, claims),
                    claims == 0 ? null : amount.divide(BigDecimal.valueOf(claims), 2, RoundingMode.HALF_UP));
        }

        void finding(Finding f) {
            findings++;
            severities[f.severity().ordinal()]++;
            amount = amount.add(amountOf(f));
        }

        long[] em() {
            if (em == null) {
                em = new long[EM_SLOTS];
            }
            return em;
        }
    }

    private long seq;
    private final long[] statuses = new long[AuditResult.Status.values().length];
    private final long[] severities = new long[Severity.values().length];
    private long lines;
    private long bypassLines;
    private long withoutServiceDate;
    private BigDecimal totalCharge = BigDecimal.ZERO;
    private BigDecimal claimsAtRisk = BigDecimal.ZERO;
    private BigDecimal findingsAtRisk = BigDecimal.ZERO;
    private final long[] em = new long[EM_SLOTS];
    private final Map<Category, Tally> byCategory = new EnumMap<>(Category.class);
    private final Map<String, Tally> byRule = new HashMap<>();
    private final Map<String, Tally> byCarc = new HashMap<>();
    private final Map<String, java.util.SortedSet<String>> carcRules = new HashMap<>();
    private final Map<String, Tally> byPayer = new HashMap<>();
    private final Map<String, Tally> byProvider = new HashMap<>();
    private final Map<YearMonth, Tally> byMonth = new TreeMap<>();
    private final Map<String, Tally> byCode = new HashMap<>();
    /** Keyed by rule id, a NUL, and the NPI: no rule id or NPI holds a NUL. */
    private final Map<String, Tally> byRuleProvider = new HashMap<>();
    private final Map<String, CodingProfile> profiles = new HashMap<>();
    private final Map<String, String> ruleDescriptions;
    private final int topClaims;
    /** The claims with most money at risk so far, least first (the next one evicted); ties keep the earlier claim. */
    private final PriorityQueue<Candidate> top;

    private record Candidate(long seq, TopClaim claim) { }

    /** @param ruleDescriptions rule id to catalog description; {@code topClaims} how many claims the top list keeps */
    ComplianceTally(Map<String, String> ruleDescriptions, int topClaims) {
        this.ruleDescriptions = Map.copyOf(ruleDescriptions);
        this.topClaims = topClaims;
        this.top = new PriorityQueue<>(topClaims + 1, Comparator
                .comparing((Candidate c) -> c.claim().amountAtRisk())
                .thenComparing(Candidate::seq, Comparator.reverseOrder()));
    }

    /** Adds one input; {@code view} is null for an input that could not be read. */
    void add(AuditResult result, ClaimView view, AtRisk risk, ClaimSummary summary) {
        long claim = seq++;
        statuses[result.status().ordinal()]++;
        if (view == null) {
            return;
        }
        boolean reject = result.status() == AuditResult.Status.REJECT;
        Tally payer = byPayer.computeIfAbsent(view.payer(), k -> new Tally()).claim(claim, reject);
        payer.amount = payer.amount.add(risk.total());
        claimsAtRisk = claimsAtRisk.add(risk.total());
        totalCharge = totalCharge.add(view.totalCharge());
        String taxonomy = view.taxonomy();
        for (ServiceLine line : view.claim().lines()) {
            addLine(claim, reject, view.provider(line), line, taxonomy);
        }
        for (Finding f : result.findings()) {
            severities[f.severity().ordinal()]++;
            findingsAtRisk = findingsAtRisk.add(amountOf(f));
            byCategory.computeIfAbsent(f.category(), k -> new Tally()).claim(claim, reject).finding(f);
            Tally rule = byRule.computeIfAbsent(f.ruleId(), k -> new Tally()).claim(claim, reject);
            rule.finding(f);
            rule.category = rule.category != null ? rule.category : f.category();
            rule.severity = rule.severity != null ? rule.severity : f.severity();
            if (f.severity() != Severity.INFO) {
                String adjustment = f.carc() == null ? NO_CARC : f.adjustment();
                byCarc.computeIfAbsent(adjustment, k -> new Tally()).claim(claim, reject).finding(f);
                carcRules.computeIfAbsent(adjustment, k -> new java.util.TreeSet<>()).add(f.ruleId());
            }
            payer.findings++;
            String npi = view.providerOf(f);
            provider(npi).claim(claim, reject).findings++;
            byRuleProvider.computeIfAbsent(f.ruleId() + '\0' + npi, k -> new Tally()).claim(claim, reject).finding(f);
            for (String code : codesOf(view, f)) {
                byCode.computeIfAbsent(code, k -> new Tally()).claim(claim, reject).findings++;
            }
            LocalDate dos = view.serviceDateOf(f);
            if (dos == null) {
                withoutServiceDate++;
            } else {
                byMonth.computeIfAbsent(YearMonth.from(dos), k -> new Tally()).finding(f);
            }
        }
        risk.byProvider().forEach((npi, amount) -> {
            Tally p = provider(npi).claim(claim, reject);
            p.amount = p.amount.add(amount);
        });
        risk.byCode().forEach((code, amount) -> {
            Tally c = byCode.computeIfAbsent(code, k -> new Tally()).claim(claim, reject);
            c.amount = c.amount.add(amount);
        });
        offerTop(claim, result, view, summary);
    }

    /** The distinct codes of a finding's lines; a finding on no known line counts under the claim level. */
    private static List<String> codesOf(ClaimView view, Finding f) {
        List<String> codes = new ArrayList<>(2);
        for (Integer n : f.lineNumbers()) {
            ServiceLine l = n == null ? null : view.line(n);
            if (l != null && !codes.contains(ClaimView.codeOf(l))) {
                codes.add(ClaimView.codeOf(l));
            }
        }
        if (codes.isEmpty()) {
            codes.add(AtRisk.CLAIM_LEVEL);
        }
        return codes;
    }

    private void offerTop(long claim, AuditResult result, ClaimView view, ClaimSummary s) {
        if (s.amountAtRisk().signum() <= 0) {
            return;
        }
        Candidate least = top.peek();
        if (top.size() >= topClaims && least != null && s.amountAtRisk().compareTo(least.claim().amountAtRisk()) <= 0) {
            return; // the common case on a large run: no TopClaim built
        }
        List<String> rules = result.findings().stream()
                .filter(f -> f.amountAtRisk() != null && f.amountAtRisk().signum() > 0)
                .map(Finding::ruleId).distinct().limit(RULES_PER_CLAIM).toList();
        top.add(new Candidate(claim, new TopClaim(s.claimId(), s.origin(), s.payerId(), view.claimProvider(),
                s.firstServiceDate(), s.status().name(), result.findings().size(), rules, s.totalCharge(),
                s.amountAtRisk())));
        if (top.size() > topClaims) {
            top.poll();
        }
    }

    private void addLine(long claim, boolean reject, String npi, ServiceLine line, String taxonomy) {
        lines++;
        Tally p = provider(npi).claim(claim, reject);
        p.lines++;
        byCode.computeIfAbsent(ClaimView.codeOf(line), k -> new Tally()).claim(claim, reject).lines++;
        profiles.computeIfAbsent(npi, k -> new CodingProfile()).add(line, taxonomy);
        if (CodingProfile.has(line, BYPASS_MODIFIERS)) {
            p.bypassLines++;
            bypassLines++;
        }
        Integer level = CodingProfile.EM_INDEX.get(ClaimView.codeOf(line));
        if (level != null && level < EM_SLOTS) {
            p.em()[level]++;
            em[level]++;
        }
    }

    private Tally provider(String npi) {
        return byProvider.computeIfAbsent(npi, k -> new Tally());
    }

    private static BigDecimal amountOf(Finding f) {
        return f.amountAtRisk() == null ? BigDecimal.ZERO : f.amountAtRisk();
    }

    ComplianceReport build(RunInfo run, int topN) {
        long read = seq;
        long pass = statuses[AuditResult.Status.PASS.ordinal()];
        ClaimCounts claims = new ClaimCounts(read, pass, statuses[AuditResult.Status.REVIEW.ordinal()],
                statuses[AuditResult.Status.REJECT.ordinal()], statuses[AuditResult.Status.ERROR.ordinal()],
                rate(pass, read), lines, money(totalCharge), money(claimsAtRisk));
        FindingCounts findings = new FindingCounts(severities[0] + severities[1] + severities[2], severities[0],
                severities[1], severities[2], money(findingsAtRisk), withoutServiceDate);
        return new ComplianceReport(ComplianceReport.VERSION, run, claims, findings, categories(), rules(), carcs(),
                ranked(byPayer, topN, (id, t) -> new PayerRow(id, t.claims, t.rejected, t.findings, money(t.amount),
                        t.rates())),
                ranked(byProvider, topN, (id, t) -> new ProviderRow(id, t.claims, t.lines, t.findings, money(t.amount),
                        t.rejected, t.rates())),
                months(), bypass(topN), emLevels(topN),
                ranked(byCode, topN, (id, t) -> new CodeRow(id, t.claims, t.lines, t.findings, money(t.amount),
                        t.rejected, t.rates())),
                topClaims(), fixFirst(), DeviationTests.run(profiles, topN));
    }

    private List<TopClaim> topClaims() {
        return top.stream()
                .sorted(Comparator.comparing((Candidate c) -> c.claim().amountAtRisk()).reversed()
                        .thenComparing(Candidate::seq))
                .map(Candidate::claim).toList();
    }

    private List<FixFirstRow> fixFirst() {
        return byRuleProvider.entrySet().stream()
                .filter(e -> e.getValue().amount.signum() > 0)
                .sorted(Comparator.comparing((Map.Entry<String, Tally> e) -> e.getValue().amount).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(FIX_FIRST)
                .map(e -> {
                    int nul = e.getKey().indexOf('\0');
                    String rule = e.getKey().substring(0, nul);
                    Tally t = e.getValue();
                    return new FixFirstRow(rule, ruleDescriptions.get(rule), e.getKey().substring(nul + 1), t.findings,
                            t.claims, money(t.amount));
                })
                .toList();
    }

    /** Every category, in catalog order, so charts and spreadsheets line up across runs. */
    private List<CategoryRow> categories() {
        List<CategoryRow> rows = new ArrayList<>();
        for (Category c : Category.values()) {
            Tally t = byCategory.getOrDefault(c, new Tally());
            rows.add(new CategoryRow(c, t.findings, t.severities[0], t.severities[1], t.severities[2], t.claims,
                    money(t.amount)));
        }
        return rows;
    }

    /** Most money at risk first, then most findings, then by id. */
    private List<RuleRow> rules() {
        return byRule.entrySet().stream()
                .map(e -> {
                    Tally t = e.getValue();
                    return new RuleRow(e.getKey(), t.category, t.severity, t.findings, t.claims, money(t.amount),
                            ruleDescriptions.get(e.getKey()), t.rejected, t.rates());
                })
                .sorted(Comparator.comparing(RuleRow::amountAtRisk).reversed()
                        .thenComparing(Comparator.comparingLong(RuleRow::findings).reversed())
                        .thenComparing(RuleRow::ruleId))
                .toList();
    }

    /** Most denials first, then by key; "(none)" is an ordinary row, so the rows add up to ERROR + WARNING findings. */
    private List<CarcRow> carcs() {
        return byCarc.entrySet().stream()
                .map(e -> {
                    Tally t = e.getValue();
                    String key = e.getKey();
                    int dash = key.indexOf('-');
                    boolean none = key.equals(NO_CARC);
                    return new CarcRow(key, none ? null : key.substring(0, dash), none ? null : key.substring(dash + 1),
                            t.findings, t.severities[Severity.ERROR.ordinal()], t.severities[Severity.WARNING.ordinal()],
                            t.claims, money(t.amount), List.copyOf(carcRules.get(key)));
                })
                .sorted(Comparator.comparingLong(CarcRow::findings).reversed().thenComparing(CarcRow::adjustment))
                .toList();
    }

    /** Ranked by amount at risk, then findings, then key; the rest summed under "(others)". */
    private static <T> Ranked<T> ranked(Map<String, Tally> map, int topN, BiFunction<String, Tally, T> row) {
        List<Map.Entry<String, Tally>> sorted = map.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Tally> e) -> e.getValue().amount).reversed()
                        .thenComparing(e -> e.getValue().findings, Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        List<T> rows = sorted.stream().limit(topN).map(e -> row.apply(e.getKey(), e.getValue())).toList();
        T others = null;
        if (sorted.size() > topN) {
            Tally rest = new Tally();
            for (Map.Entry<String, Tally> e : sorted.subList(topN, sorted.size())) {
                Tally t = e.getValue();
                rest.claims += t.claims;
                rest.rejected += t.rejected;
                rest.lines += t.lines;
                rest.findings += t.findings;
                rest.amount = rest.amount.add(t.amount);
            }
            others = row.apply("(others)", rest);
        }
        return new Ranked<>(topN, sorted.size(), rows, others);
    }

    private List<MonthRow> months() {
        List<MonthRow> rows = new ArrayList<>();
        byMonth.forEach((m, t) -> rows.add(new MonthRow(m.toString(), t.findings, money(t.amount))));
        return rows;
    }

    /**
     * Providers ranked by excess modifier lines over what the run's rate predicts for their volume: a
     * provider with one line at 100 % matters less than one with 500 lines at twice the average.
     */
    private ModifierBypass bypass(int topN) {
        List<BypassRow> rows = byProvider.entrySet().stream()
                .filter(e -> e.getValue().lines > 0)
                .map(e -> {
                    Tally t = e.getValue();
                    BigDecimal expected = lines == 0 ? BigDecimal.ZERO
                            : BigDecimal.valueOf(t.lines * bypassLines).divide(BigDecimal.valueOf(lines), 2, RoundingMode.HALF_UP);
                    BigDecimal ratio = bypassLines == 0 ? null
                            : BigDecimal.valueOf(t.bypassLines * lines).divide(BigDecimal.valueOf(t.lines * bypassLines), 2, RoundingMode.HALF_UP);
                    return new BypassRow(e.getKey(), t.lines, t.bypassLines, rate(t.bypassLines, t.lines), expected,
                            BigDecimal.valueOf(t.bypassLines).setScale(2).subtract(expected), ratio);
                })
                .sorted(Comparator.comparing(BypassRow::excess).reversed().thenComparing(BypassRow::npi))
                .toList();
        return new ModifierBypass(BYPASS_MODIFIERS, lines, bypassLines, rate(bypassLines, lines), rows.size(),
                rows.stream().limit(topN).toList());
    }

    private EmLevels emLevels(int topN) {
        List<Map.Entry<String, Tally>> withEm = byProvider.entrySet().stream()
                .filter(e -> e.getValue().em != null)
                .sorted(Comparator.comparingLong((Map.Entry<String, Tally> e) -> sum(e.getValue().em)).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
        List<EmProviderRow> rows = withEm.stream().limit(topN)
                .map(e -> new EmProviderRow(e.getKey(), family(e.getValue().em, EM_NEW, 0),
                        family(e.getValue().em, EM_ESTABLISHED, EM_NEW.size())))
                .toList();
        return new EmLevels("signal", EM_NOTE, new EmMix(family(em, EM_NEW, 0), family(em, EM_ESTABLISHED, EM_NEW.size())),
                withEm.size(), rows);
    }

    /** Counts and shares of one code family; the level is the code's last digit. */
    private static EmFamily family(long[] counts, List<String> codes, int offset) {
        long visits = 0;
        long levelSum = 0;
        for (int i = 0; i < codes.size(); i++) {
            visits += counts[offset + i];
            levelSum += counts[offset + i] * (codes.get(i).charAt(4) - '0');
        }
        Map<String, Long> n = new LinkedHashMap<>();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            n.put(codes.get(i), counts[offset + i]);
            shares.put(codes.get(i), rate(counts[offset + i], visits));
        }
        BigDecimal mean = visits == 0 ? null
                : BigDecimal.valueOf(levelSum).divide(BigDecimal.valueOf(visits), 2, RoundingMode.HALF_UP);
        return new EmFamily(visits, n, shares, mean);
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
