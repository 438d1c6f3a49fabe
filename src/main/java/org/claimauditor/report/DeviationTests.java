package org.claimauditor.report;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.claimauditor.report.ComplianceReport.DeviationRow;
import org.claimauditor.report.ComplianceReport.Deviations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares each provider's coding with its peers' and ranks the deviations by significance. Measures: the mean
 * level of each E/M family ({@link CodingProfile#FAMILIES}), the share of E/M lines with modifier 25, and the share
 * of other lines with 59/X{EPSU}.
 * <p>
 * Peers are the other providers of the same specialty (billing provider taxonomy) when at least
 * {@link #MIN_PEERS} of them have volume in the measure, else every other provider of the run. The provider is left
 * out of its peers, so a large practice does not hide in its own average. A provider is tested on a measure once
 * it has {@link #MIN_VOLUME} visits (or lines). The test is one-sided, for coding <em>above</em> peers:
 * <ul>
 *   <li>mean E/M level: z = (mean − peer mean) / (peer SD / √n), the peers' level distribution giving mean and SD;
 *       a chi-square test of the whole level distribution against the peers' is reported beside it;</li>
 *   <li>modifier rates: z = (p − p₀) / √(p₀(1 − p₀) / n), p₀ the peers' rate.</li>
 * </ul>
 * Flags hold the false discovery rate at {@link #FDR} over all the run's tests (Benjamini-Hochberg): testing
 * thousands of providers does not by itself produce flags, and about one flag in twenty is expected to be chance.
 */
final class DeviationTests {

    static final int MIN_VOLUME = 30;
    static final int MIN_PEERS = 5;
    /** The false discovery rate the flags are held to (Benjamini-Hochberg). */
    static final double FDR = 0.05;
    static final String RUN = "run";
    static final String METHOD = "One-sided z test per provider and measure against its peers (same billing taxonomy "
            + "when at least " + MIN_PEERS + " peers have volume, else the whole run; the provider left out): mean E/M "
            + "level z = (mean - peer mean) / (peer SD / sqrt(n)); modifier share z = (p - p0) / sqrt(p0 (1 - p0) / n). "
            + "Tested from " + MIN_VOLUME + " visits or lines; flagged at a false discovery rate of " + FDR
            + " over all tests of the run (Benjamini-Hochberg). A chi-square test of the level distribution is shown "
            + "beside E/M rows.";

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** Counts of one measure for one provider or group: per level for E/M, {@code [with, without]} for a rate. */
    private interface Measure {
        String name();

        List<String> keys();

        long[] counts(CodingProfile p);
    }

    private record EmMeasure(CodingProfile.Family family) implements Measure {
        public String name() {
            return family.measure();
        }

        public List<String> keys() {
            return family.codes();
        }

        public long[] counts(CodingProfile p) {
            long[] c = new long[family.codes().size()];
            System.arraycopy(p.em, family.offset(), c, 0, c.length);
            return c;
        }

        int level(int i) {
            return family.codes().get(i).charAt(4) - '0';
        }
    }

    private record RateMeasure(String name, boolean modifier25) implements Measure {
        public List<String> keys() {
            return List.of("with", "without");
        }

        public long[] counts(CodingProfile p) {
            return modifier25 ? new long[]{p.emWith25, p.emLines - p.emWith25}
                    : new long[]{p.otherWithBypass, p.otherLines - p.otherWithBypass};
        }
    }

    static final List<String> MEASURES;
    private static final List<Measure> ALL;

    static {
        List<Measure> m = new ArrayList<>();
        CodingProfile.FAMILIES.forEach(f -> m.add(new EmMeasure(f)));
        m.add(new RateMeasure("modifier-25", true));
        m.add(new RateMeasure("modifier-59x", false));
        ALL = List.copyOf(m);
        MEASURES = ALL.stream().map(Measure::name).toList();
    }

    private DeviationTests() { }

    /** All tests over {@code providers}; the {@code topN} most significant rows are kept, every flagged NPI listed. */
    static Deviations run(Map<String, CodingProfile> providers, int topN) {
        List<DeviationRow> rows = new ArrayList<>();
        for (Measure m : ALL) {
            test(m, providers, rows);
        }
        int tests = rows.size();
        List<DeviationRow> sorted = rows.stream()
                .sorted(Comparator.comparingDouble(DeviationRow::pValue)
                        .thenComparing(DeviationRow::z, Comparator.reverseOrder())
                        .thenComparing(DeviationRow::npi).thenComparing(DeviationRow::measure))
                .toList();
        // Benjamini-Hochberg: the k smallest p-values are discoveries, k the largest rank with p <= k / m * q.
        int discoveries = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).pValue() <= (i + 1) * FDR / tests) {
                discoveries = i + 1;
            }
        }
        List<DeviationRow> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            DeviationRow r = sorted.get(i);
            ranked.add(i < discoveries && r.z().signum() > 0 ? flag(r) : r);
        }
        List<DeviationRow> flagged = ranked.stream().filter(DeviationRow::flagged).toList();
        List<String> flaggedProviders = new ArrayList<>(new java.util.LinkedHashSet<>(
                flagged.stream().map(DeviationRow::npi).toList()));
        return new Deviations("signal", METHOD, MIN_VOLUME, FDR, tests, flagged.size(), flaggedProviders,
                ranked.stream().limit(topN).toList());
    }

    private static DeviationRow flag(DeviationRow r) {
        return new DeviationRow(r.npi(), r.measure(), r.peerGroup(), r.peerProviders(), r.volume(), r.value(),
                r.peerValue(), r.z(), r.pValue(), r.chiSquareP(), true, r.counts(), r.shares(), r.peerShares());
    }

    private static void test(Measure m, Map<String, CodingProfile> providers, List<DeviationRow> out) {
        int k = m.keys().size();
        long[] run = new long[k];
        Map<String, long[]> byGroup = new HashMap<>();
        Map<String, Integer> withVolume = new HashMap<>();
        int runWithVolume = 0;
        for (CodingProfile p : providers.values()) {
            long[] c = m.counts(p);
            if (sum(c) == 0) {
                continue;
            }
            runWithVolume++;
            add(run, c);
            if (p.taxonomy != null) {
                add(byGroup.computeIfAbsent(p.taxonomy, t -> new long[k]), c);
                withVolume.merge(p.taxonomy, 1, Integer::sum);
            }
        }
        // Sorted by NPI so ties and the order of tests never depend on hash order.
        for (String npi : new TreeSet<>(providers.keySet())) {
            CodingProfile p = providers.get(npi);
            long[] own = m.counts(p);
            long n = sum(own);
            if (n < MIN_VOLUME) {
                continue;
            }
            boolean bySpecialty = p.taxonomy != null && withVolume.getOrDefault(p.taxonomy, 0) - 1 >= MIN_PEERS;
            long[] peers = (bySpecialty ? byGroup.get(p.taxonomy) : run).clone();
            int peerProviders = (bySpecialty ? withVolume.get(p.taxonomy) : runWithVolume) - 1;
            for (int i = 0; i < k; i++) {
                peers[i] -= own[i];
            }
            long peerN = sum(peers);
            if (peerN < MIN_VOLUME || peerProviders < 1) {
                continue;
            }
            DeviationRow row = m instanceof EmMeasure em ? emRow(npi, em, own, peers)
                    : rateRow(npi, m, own, peers);
            if (row != null) {
                out.add(new DeviationRow(row.npi(), m.name(), bySpecialty ? p.taxonomy : RUN, peerProviders, n,
                        row.value(), row.peerValue(), row.z(), row.pValue(), row.chiSquareP(), false,
                        countsOf(m, own), sharesOf(m, own), sharesOf(m, peers)));
            }
        }
    }

    private static DeviationRow emRow(String npi, EmMeasure m, long[] own, long[] peers) {
        double n = sum(own);
        double pn = sum(peers);
        double mean = 0;
        double peerMean = 0;
        for (int i = 0; i < own.length; i++) {
            mean += own[i] * m.level(i) / n;
            peerMean += peers[i] * m.level(i) / pn;
        }
        double var = 0;
        for (int i = 0; i < peers.length; i++) {
            double d = m.level(i) - peerMean;
            var += peers[i] * d * d / pn;
        }
        if (var <= 0) {
            return null; // every peer bills one level: no spread to measure a deviation against
        }
        double z = (mean - peerMean) / Math.sqrt(var / n);
        return partial(npi, round(mean, 2), round(peerMean, 2), z, chiSquare(own, peers));
    }

    private static DeviationRow rateRow(String npi, Measure m, long[] own, long[] peers) {
        double n = sum(own);
        double rate = own[0] / n;
        // Half a count either way, so peers who never (or always) use the modifier still give a usable p0.
        double p0 = (peers[0] + 0.5) / (sum(peers) + 1.0);
        double z = (rate - p0) / Math.sqrt(p0 * (1 - p0) / n);
        return partial(npi, round(rate, 4), round(peers[0] / (double) sum(peers), 4), z, null);
    }

    private static DeviationRow partial(String npi, BigDecimal value, BigDecimal peerValue, double z, Double chi) {
        double p = NORMAL.cumulativeProbability(-z); // upper tail, accurate far out
        return new DeviationRow(npi, null, null, 0, 0, value, peerValue, round(z, 2), significant(p), chi, false,
                null, null, null);
    }

    /** Chi-square test of homogeneity of two level distributions, over the levels either uses; null if one level. */
    private static Double chiSquare(long[] own, long[] peers) {
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < own.length; i++) {
            if (own[i] + peers[i] > 0) {
                used.add(i);
            }
        }
        if (used.size() < 2) {
            return null;
        }
        long[] a = new long[used.size()];
        long[] b = new long[used.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = own[used.get(i)];
            b[i] = peers[used.get(i)];
        }
        try {
            return significant(new ChiSquareTest().chiSquareTestDataSetsComparison(a, b));
        } catch (MathIllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Long> countsOf(Measure m, long[] c) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < c.length; i++) {
            out.put(m.keys().get(i), c[i]);
        }
        return out;
    }

    private static Map<String, BigDecimal> sharesOf(Measure m, long[] c) {
        long n = sum(c);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int i = 0; i < c.length; i++) {
            out.put(m.keys().get(i), ComplianceTally.rate(c[i], n));
        }
        return out;
    }

    private static void add(long[] into, long[] c) {
        for (int i = 0; i < c.length; i++) {
            into[i] += c[i];
        }
    }

    private static long sum(long[] c) {
        long s = 0;
        for (long v : c) {
            s += v;
        }
        return s;
    }

    private static BigDecimal round(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }

    /** Three significant digits: enough to rank and read, and stable in the JSON. */
    private static double significant(double p) {
        return p == 0 ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.3g", p));
    }
}
