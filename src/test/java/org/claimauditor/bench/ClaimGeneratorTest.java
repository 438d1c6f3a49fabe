package org.claimauditor.bench;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Claim.ServiceLine;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.claim.Codes;
import org.claimauditor.ncci.AddOnEdit;
import org.claimauditor.ncci.MueLimit;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.ncci.PtpEdit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimGeneratorTest {

    static final int N = 20_000;
    static final LocalDate Q1_START = LocalDate.of(2026, 1, 1);
    static final LocalDate Q1_END = LocalDate.of(2026, 3, 31);
    static final Set<String> EM = Set.copyOf(QuarterGenerator.EM_CODES);

    @TempDir
    static Path dir;
    static Universe universe;
    static NcciTables tables;
    static List<Claim> claims;

    @BeforeAll
    static void generate() {
        universe = QuarterGenerator.generate(dir.resolve("ncci"), 42, QuarterGenerator.Size.SMOKE);
        tables = NcciLoader.load(dir.resolve("ncci"));
        claims = take(ClaimGenerator.claims(universe, 7, N), N + 1);
    }

    static List<Claim> take(Iterator<Claim> it, int max) {
        List<Claim> out = new ArrayList<>();
        while (it.hasNext() && out.size() < max) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void jsonLinesAreReadBackByClaimReaderUnchanged() throws Exception {
        Path file = dir.resolve("claims.jsonl");
        ClaimGenerator.writeJsonl(claims.iterator(), file);
        assertThat(Files.readAllLines(file)).hasSize(N).allMatch(l -> l.startsWith("{\"claimId\":") && l.endsWith("}"));
        List<ClaimInput> read = org.claimauditor.pipeline.source.ClaimFiles.readAll(List.of(file));
        assertThat(read).hasSize(N).allMatch(ClaimInput::readable);
        assertThat(read.stream().filter(r -> r.error() != null)).isEmpty();
        assertThat(read.stream().map(ClaimInput::claim).toList()).isEqualTo(claims);
        assertThat(Files.readString(file)).contains("\"serviceDate\":\"2026-0").contains("\"birthDate\":\"19");
    }

    @Test
    void claimsAreValidProfessionalMedicareClaims() {
        assertThat(claims).hasSize(N);
        Set<String> universeCodes = new HashSet<>(universe.codes());
        Set<String> ids = new HashSet<>();
        for (Claim c : claims) {
            assertThat(ids.add(c.claimId())).as("unique claim id").isTrue();
            assertThat(c.claimType()).isEqualTo(Claim.ClaimType.PROFESSIONAL);
            assertThat(c.payerId()).isEqualTo("MEDICARE");
            assertThat(c.placeOfService()).isEqualTo("11");
            assertThat(Codes.isValidNpi(c.billingProvider().npi())).isTrue();
            assertThat(c.billingProvider().tin()).matches("\\d{9}");
            assertThat(Codes.isValidNpi(c.renderingProvider().npi())).isTrue();
            assertThat(c.patient().id()).isNotBlank();
            assertThat(c.patient().sex()).isIn(Claim.Sex.F, Claim.Sex.M);
            assertThat(c.patient().birthDate()).isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2006, 1, 1));
            assertThat(c.diagnoses()).hasSizeBetween(1, 3).doesNotHaveDuplicates().allMatch(Codes::isIcd10CmShape);
            assertThat(c.lines()).hasSizeBetween(1, 12);
            LocalDate dos = c.lines().get(0).serviceDate();
            assertThat(dos).isBetween(Q1_START, Q1_END);
            assertThat(c.receivedDate()).isAfter(dos);
            for (int i = 0; i < c.lines().size(); i++) {
                ServiceLine l = c.lines().get(i);
                assertThat(l.lineNumber()).isEqualTo(i + 1);
                assertThat(l.serviceDate()).isEqualTo(dos);
                assertThat(universeCodes.contains(l.procedureCode())).as(l.procedureCode()).isTrue();
                assertThat(l.units()).isPositive();
                assertThat(l.charge()).isBetween(new BigDecimal("20.00"), new BigDecimal("500.00"));
                assertThat(l.charge().scale()).isEqualTo(2);
                assertThat(l.modifiers()).hasSizeLessThanOrEqualTo(4).doesNotHaveDuplicates();
                assertThat(l.diagnosisPointers()).isNotEmpty().allMatch(p -> p >= 1 && p <= c.diagnoses().size());
                Claim.Sex only = ClaimGenerator.sexSpecific(l.procedureCode());
                if (only != null) {
                    assertThat(only).as("sex-specific procedure " + l.procedureCode()).isEqualTo(c.patient().sex());
                }
                if (l.modifiers().contains("25")) {
                    assertThat(EM.contains(l.procedureCode())).as("25 on E/M only").isTrue();
                }
            }
            assertThat(c.lines().stream().map(ServiceLine::procedureCode).filter(EM::contains)).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void aRealisticMixOfLinesServicesAndModifiers() {
        double upTo4 = share(c -> c.lines().size() <= 4);
        assertThat(upTo4).isBetween(0.70, 0.90);
        assertThat(share(c -> c.lines().size() >= 9)).isBetween(0.005, 0.08);
        assertThat(share(c -> c.lines().stream().anyMatch(l -> EM.contains(l.procedureCode())))).isBetween(0.55, 0.80);
        assertThat(share(c -> c.lines().stream().anyMatch(l -> l.procedureCode().matches("8\\d{4}|\\d{4}U"))))
                .isBetween(0.25, 0.70);
        assertThat(share(c -> c.lines().stream().anyMatch(l -> l.modifiers().contains("25")))).isBetween(0.05, 0.40);
        for (String m : List.of("59", "XU", "RT", "LT", "76")) {
            assertThat(share(c -> c.lines().stream().anyMatch(l -> l.modifiers().contains(m)))).as(m).isBetween(0.002, 0.15);
        }
        Set<String> addOns = new HashSet<>(universe.addOnCodes());
        assertThat(share(c -> c.lines().stream().anyMatch(l -> addOns.contains(l.procedureCode())))).isBetween(0.07, 0.14);
        assertThat(share(c -> c.lines().stream().anyMatch(l -> l.units() > 1))).isBetween(0.05, 0.30);
    }

    @Test
    void lazyDeterministicAndSeedDependent() {
        Iterator<Claim> endless = ClaimGenerator.claims(universe, 7, Integer.MAX_VALUE);
        assertThat(take(endless, 2_000)).isEqualTo(claims.subList(0, 2_000));
        assertThat(endless.hasNext()).isTrue();
        assertThat(take(ClaimGenerator.claims(universe, 7, 500), 10_000)).hasSize(500);
        assertThat(ClaimGenerator.claims(universe, 7, 0).hasNext()).isFalse();
        List<Claim> other = take(ClaimGenerator.claims(universe, 8, 2_000), 2_000);
        assertThat(other).hasSize(2_000);
        assertThat(other.get(0)).isNotEqualTo(claims.get(0));
        assertThat(other.stream().map(c -> c.lines().get(0).procedureCode()).toList())
                .isNotEqualTo(claims.subList(0, 2_000).stream().map(c -> c.lines().get(0).procedureCode()).toList());
    }

    /**
     * Which claims a correct auditor flags per edit family, judged from the loaded tables over each
     * patient/provider/day: PTP on the claim of the column 2 line, MUE on every line counted, add-on on its line.
     */
    @Test
    void eachEditFamilyIsHitByTheIntendedShareOfClaims() {
        Map<String, List<int[]>> days = new LinkedHashMap<>(); // key -> (claim index, line index)
        for (int c = 0; c < claims.size(); c++) {
            Claim claim = claims.get(c);
            for (int l = 0; l < claim.lines().size(); l++) {
                ServiceLine line = claim.lines().get(l);
                days.computeIfAbsent(claim.patient().id() + "|" + claim.renderingProvider().npi() + "|"
                        + line.serviceDate(), k -> new ArrayList<>()).add(new int[] {c, l});
            }
        }
        boolean[] ptp = new boolean[N];
        boolean[] mue = new boolean[N];
        boolean[] aoc = new boolean[N];
        boolean[] shared = new boolean[N];
        Map<String, Integer> kinds = new HashMap<>();
        for (List<int[]> day : days.values()) {
            if (day.stream().mapToInt(x -> x[0]).distinct().count() > 1) {
                day.forEach(x -> shared[x[0]] = true);
            }
            for (int[] a : day) {
                ServiceLine la = line(a);
                for (int[] b : day) {
                    ServiceLine lb = line(b);
                    if (a == b) {
                        continue;
                    }
                    PtpEdit e = tables.ptpPractitioner().find(la.procedureCode(), lb.procedureCode(), lb.serviceDate());
                    if (e != null && e.modifierIndicator() != '9') {
                        ptp[b[0]] = true; // the column 2 line is the one denied (or bypassed)
                        kinds.merge("ptp" + e.modifierIndicator(), 1, Integer::sum);
                        if (a[0] != b[0]) {
                            kinds.merge("ptp-cross-claim", 1, Integer::sum);
                        }
                        if (lb.modifiers().stream().anyMatch(m -> m.equals("59") || m.startsWith("X") || m.equals("25"))) {
                            kinds.merge("ptp-bypass" + e.modifierIndicator(), 1, Integer::sum);
                        }
                    }
                }
                AddOnEdit edit = tables.aoc().find(la.procedureCode(), la.serviceDate(), List.of(), null);
                if (edit != null && !edit.undefined()
                        && day.stream().noneMatch(b -> b != a && edit.accepts(line(b).procedureCode()))) {
                    aoc[a[0]] = true;
                }
            }
            Map<String, List<int[]>> byCode = new HashMap<>();
            day.forEach(x -> byCode.computeIfAbsent(line(x).procedureCode(), k -> new ArrayList<>()).add(x));
            byCode.forEach((code, lines) -> {
                MueLimit m = tables.muePractitioner().find(code);
                if (m == null) {
                    return;
                }
                int total = lines.stream().mapToInt(x -> line(x).units()).sum();
                for (int[] x : lines) {
                    if (m.mai() == 1 ? line(x).units() > m.value() : total > m.value()) {
                        mue[x[0]] = true;
                        kinds.merge("mai" + m.mai() + (lines.size() > 1 ? "-summed" : ""), 1, Integer::sum);
                    }
                }
            });
        }
        double ptpShare = count(ptp) / (double) N;
        double mueShare = count(mue) / (double) N;
        double aocShare = count(aoc) / (double) N;
        double sharedShare = count(shared) / (double) N;
        System.out.printf("PTP %.4f MUE %.4f AOC %.4f shared visit %.4f %s%n", ptpShare, mueShare, aocShare, sharedShare, kinds);
        assertThat(ptpShare).isBetween(0.07, 0.11);
        assertThat(mueShare).isBetween(0.04, 0.07);
        assertThat(aocShare).isBetween(0.03, 0.055);
        assertThat(sharedShare).isBetween(0.17, 0.25);
        assertThat(kinds).containsKeys("ptp0", "ptp1", "ptp-bypass1", "ptp-cross-claim", "mai1", "mai2-summed", "mai3-summed");
    }

    static ServiceLine line(int[] at) {
        return claims.get(at[0]).lines().get(at[1]);
    }

    static double share(java.util.function.Predicate<Claim> p) {
        return claims.stream().filter(p).count() / (double) claims.size();
    }

    static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
