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
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The run's aggregates, updated claim by claim: counters keyed by category, rule, payer, provider and month
 * of service. Memory grows with the number of distinct keys (providers, payers), never with claims or
 * findings.
 */
final class ComplianceTally {

    /** The {@code byCarc} key of denials whose rule has no remittance codes. */
    static final String NO_CARC = "(none)";
    static final List<String> BYPASS_MODIFIERS = List.of("59", "XE", "XS", "XP", "XU");
    static final List<String> EM_NEW = List.of("99202", "99203", "99204", "99205");
    static final List<String> EM_ESTABLISHED = List.of("99211", "99212", "99213", "99214", "99215");
    static final String EM_NOTE = "E/M level distribution per rendering provider against all providers in this run. "
            + "A signal for review (possible upcoding or undercoding), not a finding: a different mix can be "
            + "explained by specialty and patients.";

    private static final Map<String, Integer> EM_INDEX = new HashMap<>();

    static {
        List<String> all = new ArrayList<>(EM_NEW);
        all.addAll(EM_ESTABLISHED);
        for (int i = 0; i < all.size(); i++) {
            EM_INDEX.put(all.get(i), i);
        }
    }

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

        Tally claim(long seq) {
            if (lastClaim != seq) {
                lastClaim = seq;
                claims++;
            }
            return this;
        }

        void finding(Finding f) {
            findings++;
            severities[f.severity().ordinal()]++;
            amount = amount.add(amountOf(f));
        }

        long[] em() {
            if (em == null) {
                em = new long[EM_INDEX.size()];
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
    private final long[] em = new long[EM_INDEX.size()];
    private final Map<Category, Tally> byCategory = new EnumMap<>(Category.class);
    private final Map<String, Tally> byRule = new HashMap<>();
    private final Map<String, Tally> byCarc = new HashMap<>();
    private final Map<String, java.util.SortedSet<String>> carcRules = new HashMap<>();
    private final Map<String, Tally> byPayer = new HashMap<>();
    private final Map<String, Tally> byProvider = new HashMap<>();
    private final Map<YearMonth, Tally> byMonth = new TreeMap<>();

    /** Adds one input; {@code view} is null for an input that could not be read. */
    void add(AuditResult result, ClaimView view, AtRisk risk) {
        long claim = seq++;
        statuses[result.status().ordinal()]++;
        if (view == null) {
            return;
        }
        Tally payer = byPayer.computeIfAbsent(view.payer(), k -> new Tally()).claim(claim);
        if (result.status() == AuditResult.Status.REJECT) {
            payer.rejected++;
        }
        payer.amount = payer.amount.add(risk.total());
        claimsAtRisk = claimsAtRisk.add(risk.total());
        totalCharge = totalCharge.add(view.totalCharge());
        for (ServiceLine line : view.claim().lines()) {
            addLine(claim, view.provider(line), line);
        }
        for (Finding f : result.findings()) {
            severities[f.severity().ordinal()]++;
            findingsAtRisk = findingsAtRisk.add(amountOf(f));
            byCategory.computeIfAbsent(f.category(), k -> new Tally()).claim(claim).finding(f);
            Tally rule = byRule.computeIfAbsent(f.ruleId(), k -> new Tally()).claim(claim);
            rule.finding(f);
            rule.category = rule.category != null ? rule.category : f.category();
            rule.severity = rule.severity != null ? rule.severity : f.severity();
            if (f.severity() != Severity.INFO) {
                String adjustment = f.carc() == null ? NO_CARC : f.adjustment();
                byCarc.computeIfAbsent(adjustment, k -> new Tally()).claim(claim).finding(f);
                carcRules.computeIfAbsent(adjustment, k -> new java.util.TreeSet<>()).add(f.ruleId());
            }
            payer.findings++;
            provider(view.providerOf(f)).claim(claim).findings++;
            LocalDate dos = view.serviceDateOf(f);
            if (dos == null) {
                withoutServiceDate++;
            } else {
                byMonth.computeIfAbsent(YearMonth.from(dos), k -> new Tally()).finding(f);
            }
        }
        risk.byProvider().forEach((npi, amount) -> {
            Tally p = provider(npi).claim(claim);
            p.amount = p.amount.add(amount);
        });
    }

    private void addLine(long claim, String npi, ServiceLine line) {
        lines++;
        Tally p = provider(npi).claim(claim);
        p.lines++;
        if (line.modifiers().stream().anyMatch(m -> m != null && BYPASS_MODIFIERS.contains(m.strip().toUpperCase(Locale.ROOT)))) {
            p.bypassLines++;
            bypassLines++;
        }
        Integer level = line.procedureCode() == null ? null : EM_INDEX.get(line.procedureCode().strip());
        if (level != null) {
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
                ranked(byPayer, topN, (id, t) -> new PayerRow(id, t.claims, t.rejected, t.findings, money(t.amount))),
                ranked(byProvider, topN, (id, t) -> new ProviderRow(id, t.claims, t.lines, t.findings, money(t.amount))),
                months(), bypass(topN), emLevels(topN));
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

    private List<RuleRow> rules() {
        return byRule.entrySet().stream()
                .map(e -> new RuleRow(e.getKey(), e.getValue().category, e.getValue().severity, e.getValue().findings,
                        e.getValue().claims, money(e.getValue().amount)))
                .sorted(Comparator.comparingLong(RuleRow::findings).reversed().thenComparing(RuleRow::ruleId))
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
