package org.claimauditor.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Claim.Patient;
import org.claimauditor.claim.Claim.Provider;
import org.claimauditor.claim.Claim.ServiceLine;
import org.claimauditor.report.ResultsFile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic synthetic <b>professional Medicare</b> claims against a generated quarter ({@link QuarterGenerator}),
 * for benchmarks: 1-12 lines (mostly 1-4), E/M visits, procedures, labs, HCPCS supplies and drugs, add-on codes,
 * modifiers 25 / 59 / XU / RT / LT / 76 / 91, dates of service in 2026 Q1, and a controlled share of claims that
 * hit each NCCI edit family:
 * <ul>
 *   <li>~{@value #PTP_SHARE} of claims carry a PTP pair from {@link Universe#ptpPairs()} (indicators 0 and 1;
 *       about a third of the indicator 1 pairs bypassed with 59/XU/25), half of them split over two claims of
 *       the same patient, provider and day when there are several;</li>
 *   <li>~{@value #MUE_SHARE} exceed an MUE: MAI 1 with too many units on one line, MAI 2/3 with two lines (on one
 *       claim with 76/91, or on two claims of the day) whose units add up to more than the value;</li>
 *   <li>~{@value #AOC_NO_PRIMARY_SHARE} bill a type 1 add-on code without any of its primaries that day;</li>
 *   <li>~{@value #ADD_ON_WITH_PRIMARY_SHARE} bill an add-on with a primary (sometimes on a sibling claim), and
 *       ~{@value #TYPE2_SHARE} a type 2 add-on (primaries contractor defined);</li>
 *   <li>≈20 % of claims share patient, rendering provider and date of service with another claim (visits of
 *       2-3 claims, emitted one after the other), so cross-claim edits occur.</li>
 * </ul>
 * Every other line uses {@link Universe#cleanCodes()} within their MUE, so those shares are what a correct
 * auditor finds (give or take the rare accidental pair among the non-clean codes). Claims are made lazily, one
 * visit at a time; the same universe, seed and count give the same claims.
 */
public final class ClaimGenerator {

    public static final String PAYER = "MEDICARE";
    public static final String PLACE_OF_SERVICE = "11";
    /** Patients, rendering practitioners and practices the claims are spread over. */
    public static final int PATIENTS = 500_000;
    public static final int RENDERING_PROVIDERS = 3_000;
    public static final int PRACTICES = 500;

    public static final double PTP_SHARE = 0.08;
    public static final double MUE_SHARE = 0.05;
    public static final double AOC_NO_PRIMARY_SHARE = 0.04;
    public static final double ADD_ON_WITH_PRIMARY_SHARE = 0.05;
    public static final double TYPE2_SHARE = 0.01;

    /** Sex- and age-neutral adult ICD-10-CM codes, none a manifestation code. */
    public static final List<String> DIAGNOSES = List.of(
            "E11.9", "I10", "M54.50", "J06.9", "Z00.00", "E78.5", "K21.9", "R05.9", "I25.10", "J44.9",
            "E03.9", "M17.11", "R51.9", "G47.33", "F41.9", "Z23", "E66.9", "M25.561", "R10.9", "L57.0");

    private static final String[] EM = {"99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215"};
    private static final int[] EM_WEIGHTS = {3, 6, 6, 2, 3, 8, 35, 30, 7};
    private static final int MAX_LINES = 12;
    private static final int[] LINE_WEIGHTS = {300, 250, 170, 110, 50, 40, 30, 20, 12, 8, 6, 4}; // 1..12 lines

    /** E/M weights of the "high acuity" specialty {@link Population#withSpecialties} adds: more level 4 and 5. */
    private static final int[] EM_WEIGHTS_HIGH = {1, 4, 8, 5, 1, 4, 25, 40, 18};
    /** Taxonomy codes the practices get with {@link Population#withSpecialties}: family medicine, internal medicine, cardiology. */
    public static final List<String> TAXONOMIES = List.of("207Q00000X", "207R00000X", "207RC0000X");
    public static final String HIGH_ACUITY_TAXONOMY = "207RC0000X";

    /** How a planted provider codes differently; {@code strength} is the chance per eligible line. */
    public enum PlantKind {
        /** E/M visits billed one level higher (within the family). */
        UPCODE,
        /** Modifier 25 added to E/M lines without it. */
        MODIFIER_25,
        /** 59 or XU added to procedure, radiology and lab lines without a modifier. */
        MODIFIER_59
    }

    public record Plant(PlantKind kind, double strength) { }

    /**
     * Who the claims come from. {@link #BENCH} is the benchmark population (the claims it makes do not change);
     * planted providers are rendering providers 0, 1, 2, ... in the order of {@code plants}, and their claims come
     * from a separate random stream, so planting never changes anyone else's claims.
     *
     * @param specialties practices get one of {@link #TAXONOMIES} as billing provider taxonomy, and the cardiology
     *                    practices ({@link #HIGH_ACUITY_TAXONOMY}, one in five) bill higher E/M levels
     */
    public record Population(int renderingProviders, int practices, List<Plant> plants, boolean specialties) {

        public static final Population BENCH = new Population(RENDERING_PROVIDERS, PRACTICES, List.of(), false);

        public Population {
            plants = List.copyOf(plants);
            if (renderingProviders < 1 || practices < 1 || plants.size() > renderingProviders) {
                throw new IllegalArgumentException("need at least one provider and practice, and a provider per plant");
            }
        }

        public Population withSpecialties(boolean on) {
            return new Population(renderingProviders, practices, plants, on);
        }
    }

    private ClaimGenerator() { }

    /** {@code count} claims, made lazily; the iterator holds at most one visit (1-3 claims) at a time. */
    public static Iterator<Claim> claims(Universe u, long seed, int count) {
        return new Gen(u, seed, count, Population.BENCH);
    }

    /** {@code count} claims from {@code population}. */
    public static Iterator<Claim> claims(Universe u, long seed, int count, Population population) {
        return new Gen(u, seed, count, population);
    }

    /** The rendering NPIs of {@code population} for {@code seed}, by provider index (plants first). */
    public static List<String> renderingNpis(long seed, Population population) {
        String[] npis = new String[population.renderingProviders()];
        Provider[] billing = new Provider[population.practices()];
        providers(new SplittableRandom(seed ^ 0x5DEECE66DL), npis, billing);
        return List.of(npis);
    }

    private static void providers(SplittableRandom r, String[] rendering, Provider[] billing) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rendering.length; i++) {
            rendering[i] = uniqueNpi(r, seen);
        }
        for (int i = 0; i < billing.length; i++) {
            billing[i] = new Provider(uniqueNpi(r, seen), Integer.toString(100_000_000 + r.nextInt(900_000_000)));
        }
    }

    private static String uniqueNpi(SplittableRandom r, Set<String> seen) {
        String npi;
        do {
            npi = npi(Integer.toString(100_000_000 + r.nextInt(100_000_000))); // 1xxxxxxxx
        } while (!seen.add(npi));
        return npi;
    }

    /** Writes the claims as JSON Lines (one compact claim per line, ISO dates, empty fields left out). */
    public static void writeJsonl(Iterator<Claim> claims, Path file) {
        ObjectWriter writer = ResultsFile.JSON.copy()
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .writer()
                .without(SerializationFeature.INDENT_OUTPUT)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .withRootValueSeparator("\n");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            boolean any = false;
            try (SequenceWriter seq = writer.writeValues(os)) {
                while (claims.hasNext()) {
                    seq.write(claims.next());
                    any = true;
                }
            }
            if (any) {
                os.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write claims to " + file, e);
        }
    }

    /** What a line is, for its charge and modifiers. */
    private enum Kind { EM, PROCEDURE, RADIOLOGY, LAB, HCPCS, ADD_ON }

    private static final class LineDraft {
        String code;
        final Kind kind;
        int units = 1;
        final List<String> modifiers = new ArrayList<>(2);

        LineDraft(String code, Kind kind) {
            this.code = code;
            this.kind = kind;
        }
    }

    private static final class Gen implements Iterator<Claim> {
        private final SplittableRandom rng;
        private final long patientSalt;
        private final int count;
        private final String idPrefix;
        private final Map<String, Universe.Mue> mue;
        private final String[] labs;
        private final String[] procedures;
        private final String[] radiology;
        private final String[] hcpcs;
        private final String[][] mueHit = new String[4][];
        private final Universe.PtpPair[] ptp0;
        private final Universe.PtpPair[] ptp1;
        private final String[] addOns;
        private final List<List<String>> addOnPrimaries;
        private final String[] type2;
        private final Set<String> emCodes = Set.of(EM);
        private final int[] emCumulative = cumulative(EM_WEIGHTS);
        private final int[] emCumulativeHigh = cumulative(EM_WEIGHTS_HIGH);
        private final int[] lineCumulative = cumulative(LINE_WEIGHTS);
        private final Population population;
        private final int providerCount;
        private final String[] renderingNpi;
        private final Provider[] rendering;
        private final Provider[] billing;
        /** Only planted providers' visits draw from it, so plants leave every other claim as it was. */
        private final SplittableRandom plantRng;
        private final ArrayDeque<Claim> ready = new ArrayDeque<>(3);
        private int made;
        private long nextId = 1;

        // the visit being built
        private final List<List<LineDraft>> visit = new ArrayList<>(3);
        private final Set<String> used = new HashSet<>();
        private final Set<String> forbidden = new HashSet<>();
        private boolean visitHasEm;
        private Claim.Sex visitSex;

        Gen(Universe u, long seed, int count, Population population) {
            this.population = population;
            this.providerCount = population.renderingProviders();
            this.renderingNpi = new String[providerCount];
            this.rendering = new Provider[providerCount];
            this.billing = new Provider[population.practices()];
            this.plantRng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
            this.rng = new SplittableRandom(seed);
            this.patientSalt = rng.nextLong();
            this.count = Math.max(0, count);
            this.idPrefix = "C" + Long.toUnsignedString(seed, 36).toUpperCase(java.util.Locale.ROOT) + "-";
            this.mue = u.mue();
            Set<String> addOnSet = new HashSet<>(u.addOnCodes());
            List<String> lab = new ArrayList<>();
            List<String> proc = new ArrayList<>();
            List<String> rad = new ArrayList<>();
            List<String> hc = new ArrayList<>();
            for (String c : u.cleanCodes()) {
                char first = c.charAt(0);
                if (Character.isLetter(first)) {
                    hc.add(c);
                } else if (c.endsWith("U") || (c.compareTo("80000") >= 0 && c.compareTo("89999") <= 0)) {
                    lab.add(c);
                } else if (c.compareTo("70000") >= 0 && c.compareTo("79999") <= 0) {
                    rad.add(c);
                } else {
                    proc.add(c);
                }
            }
            String[] clean = u.cleanCodes().toArray(new String[0]);
            labs = orElse(lab, clean);
            procedures = orElse(proc, clean);
            radiology = orElse(rad, clean);
            hcpcs = orElse(hc, clean);
            Set<String> cleanSet = new HashSet<>(u.cleanCodes());
            for (int mai = 1; mai <= 3; mai++) {
                List<String> preferred = new ArrayList<>();
                List<String> any = new ArrayList<>();
                for (Map.Entry<String, Universe.Mue> e : u.mue().entrySet()) {
                    String c = e.getKey();
                    if (e.getValue().mai() == mai && e.getValue().value() <= 10 && !addOnSet.contains(c)
                            && !emCodes.contains(c)) {
                        any.add(c);
                    }
                }
                for (String c : any) {
                    if (cleanSet.contains(c)) {
                        preferred.add(c);
                    }
                }
                mueHit[mai] = (preferred.size() >= 10 ? preferred : any).toArray(new String[0]);
            }
            List<Universe.PtpPair> zero = new ArrayList<>();
            List<Universe.PtpPair> one = new ArrayList<>();
            for (Universe.PtpPair p : u.ptpPairs()) {
                if (addOnSet.contains(p.column1()) || addOnSet.contains(p.column2())) {
                    continue; // keeps add-on edits to the claims meant to hit them
                }
                (p.indicator() == '0' ? zero : one).add(p);
            }
            ptp0 = zero.toArray(new Universe.PtpPair[0]);
            ptp1 = one.toArray(new Universe.PtpPair[0]);
            addOns = u.addOnPrimaries().keySet().toArray(new String[0]);
            addOnPrimaries = new ArrayList<>(u.addOnPrimaries().values());
            type2 = u.type2AddOns().toArray(new String[0]);
            buildProviders(new SplittableRandom(seed ^ 0x5DEECE66DL));
        }

        private static String[] orElse(List<String> codes, String[] fallback) {
            return codes.isEmpty() ? fallback : codes.toArray(new String[0]);
        }

        private void buildProviders(SplittableRandom r) {
            providers(r, renderingNpi, billing);
            for (int i = 0; i < providerCount; i++) {
                rendering[i] = new Provider(renderingNpi[i], null);
            }
            if (population.specialties()) {
                for (int i = 0; i < billing.length; i++) {
                    billing[i] = new Provider(billing[i].npi(), billing[i].tin(), taxonomyOf(i));
                }
            }
        }

        /** One practice in five is cardiology; the rest alternate family and internal medicine. */
        private static String taxonomyOf(int practice) {
            return practice % 5 == 4 ? HIGH_ACUITY_TAXONOMY : TAXONOMIES.get(practice % 2);
        }

        @Override
        public boolean hasNext() {
            return made < count;
        }

        @Override
        public Claim next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (ready.isEmpty()) {
                buildVisit(Math.min(visitSize(), count - made));
            }
            made++;
            return ready.poll();
        }

        /** 1 claim (89.5 %), 2 (8 %) or 3 (2.5 %): about 21 % of claims share their visit with another. */
        private int visitSize() {
            int u = rng.nextInt(1000);
            return u < 895 ? 1 : u < 975 ? 2 : 3;
        }

        private void buildVisit(int claims) {
            visit.clear();
            used.clear();
            forbidden.clear();
            visitHasEm = false;
            int patient = rng.nextInt(PATIENTS);
            long h = mix(patientSalt + patient);
            int provider = rng.nextInt(10) < 7 ? (int) Long.remainderUnsigned(mix(h), providerCount)
                    : rng.nextInt(providerCount);
            int practice = provider % billing.length;
            boolean high = population.specialties() && HIGH_ACUITY_TAXONOMY.equals(taxonomyOf(practice));
            LocalDate dos = serviceDate();
            Patient pat = patient(patient, h);
            visitSex = pat.sex();
            int[] target = new int[claims];
            for (int i = 0; i < claims; i++) {
                visit.add(new ArrayList<>());
                target[i] = 1 + pick(lineCumulative);
            }
            for (int i = 0; i < claims; i++) {
                if (rng.nextDouble() < PTP_SHARE) {
                    injectPtp(i);
                }
                if (rng.nextDouble() < MUE_SHARE) {
                    injectMue(i);
                }
                double a = rng.nextDouble();
                if (a < AOC_NO_PRIMARY_SHARE) {
                    injectAddOnWithoutPrimary(i);
                } else if (a < AOC_NO_PRIMARY_SHARE + ADD_ON_WITH_PRIMARY_SHARE) {
                    injectAddOnWithPrimary(i);
                }
                if (rng.nextDouble() < TYPE2_SHARE && type2.length > 0) {
                    String code = type2[rng.nextInt(type2.length)];
                    if (room(i) && usable(code) && used.add(code)) {
                        visit.get(i).add(new LineDraft(code, Kind.ADD_ON));
                    }
                }
            }
            if (!visitHasEm && rng.nextInt(100) < 70) {
                String em = EM[pick(high ? emCumulativeHigh : emCumulative)];
                if (!used.contains(em)) {
                    visit.get(0).add(0, new LineDraft(em, Kind.EM));
                    used.add(em);
                    visitHasEm = true;
                }
            }
            for (int i = 0; i < claims; i++) {
                fill(visit.get(i), target[i]);
                markEmWith25(visit.get(i));
            }
            if (provider < population.plants().size()) {
                plant(population.plants().get(provider));
            }
            Provider rend = rendering[provider];
            Provider bill = billing[practice];
            for (List<LineDraft> lines : visit) {
                ready.add(materialize(lines, pat, bill, rend, dos));
            }
        }

        /** Changes the visit's lines as a planted provider would code them. */
        private void plant(Plant plant) {
            for (List<LineDraft> lines : visit) {
                for (LineDraft l : lines) {
                    switch (plant.kind()) {
                        case UPCODE -> {
                            String up = l.kind == Kind.EM ? oneLevelUp(l.code) : null;
                            if (up != null && !used.contains(up) && plantRng.nextDouble() < plant.strength()) {
                                used.remove(l.code);
                                used.add(up);
                                l.code = up;
                            }
                        }
                        case MODIFIER_25 -> {
                            if (l.kind == Kind.EM && !l.modifiers.contains("25") && plantRng.nextDouble() < plant.strength()) {
                                l.modifiers.add("25");
                            }
                        }
                        case MODIFIER_59 -> {
                            boolean eligible = l.kind == Kind.PROCEDURE || l.kind == Kind.RADIOLOGY || l.kind == Kind.LAB;
                            if (eligible && l.modifiers.isEmpty() && plantRng.nextDouble() < plant.strength()) {
                                l.modifiers.add(plantRng.nextBoolean() ? "59" : "XU");
                            }
                        }
                    }
                }
            }
        }

        /** The next E/M level of the same family (99213 to 99214), null at the top (99205, 99215). */
        private static String oneLevelUp(String em) {
            return em.equals("99205") || em.equals("99215") ? null
                    : em.substring(0, 4) + (char) (em.charAt(4) + 1);
        }

        // ------------------------------------------------------------ edit-family injections

        private void injectPtp(int i) {
            for (int attempt = 0; attempt < 10; attempt++) {
                boolean zero = ptp0.length > 0 && (ptp1.length == 0 || rng.nextInt(100) < 30);
                Universe.PtpPair[] pool = zero ? ptp0 : ptp1;
                if (pool.length == 0) {
                    return;
                }
                Universe.PtpPair p = pool[rng.nextInt(pool.length)];
                boolean em1 = emCodes.contains(p.column1());
                boolean em2 = emCodes.contains(p.column2());
                if (!usable(p.column1()) || !usable(p.column2()) || ((em1 || em2) && visitHasEm)) {
                    continue;
                }
                // column 1 on this claim, or (visits of several claims, half the time) on another claim of the visit
                int c1 = visit.size() > 1 && rng.nextBoolean() ? other(i) : i;
                int c2 = i;
                if (em1) {
                    c1 = 0;
                }
                if (em2) {
                    c2 = 0;
                }
                if (!room(c1) || !room(c2) || (c1 == c2 && visit.get(c1).size() > MAX_LINES - 2)) {
                    continue;
                }
                LineDraft l1 = new LineDraft(p.column1(), kindOf(p.column1()));
                LineDraft l2 = new LineDraft(p.column2(), kindOf(p.column2()));
                int bypass = rng.nextInt(100);
                if ((p.indicator() == '1' && bypass < 35) || (p.indicator() == '0' && bypass < 10)) {
                    // indicator 0: the same modifiers, which cannot bypass it (59 misuse, an audit target)
                    if (l2.kind == Kind.EM) {
                        l2.modifiers.add("25");
                    } else if (l1.kind != Kind.EM && rng.nextInt(100) < 15) {
                        l1.modifiers.add(rng.nextBoolean() ? "XU" : "59");
                    } else {
                        l2.modifiers.add(rng.nextInt(100) < 55 ? "XU" : "59");
                    }
                }
                addLine(c1, l1);
                addLine(c2, l2);
                return;
            }
        }

        private void injectMue(int i) {
            int u = rng.nextInt(100);
            int mai = u < 40 ? 1 : u < 70 ? 2 : 3;
            String[] pool = mueHit[mai];
            if (pool.length == 0) {
                return;
            }
            for (int attempt = 0; attempt < 10; attempt++) {
                String code = pool[rng.nextInt(pool.length)];
                if (!usable(code) || !room(i)) {
                    continue;
                }
                int value = mue.get(code).value();
                Kind kind = kindOf(code);
                LineDraft first = new LineDraft(code, kind);
                if (mai == 1) {
                    first.units = value + 1 + rng.nextInt(2);
                    addLine(i, first);
                    return;
                }
                // MAI 2/3: two lines, each within the value, together above it
                LineDraft second = new LineDraft(code, kind);
                if (value == 1) {
                    second.units = 1;
                } else {
                    first.units = value / 2 + 1;
                    second.units = value - first.units + 1 + rng.nextInt(2);
                }
                int where = visit.size() > 1 && rng.nextInt(100) < 40 ? other(i) : i;
                if (where == i) {
                    if (visit.get(i).size() > MAX_LINES - 2) {
                        continue;
                    }
                    second.modifiers.add(kind == Kind.LAB ? "91" : "76"); // repeat lab / repeat procedure
                } else if (!room(where)) {
                    continue;
                }
                addLine(i, first);
                addLine(where, second);
                return;
            }
        }

        private void injectAddOnWithoutPrimary(int i) {
            for (int attempt = 0; attempt < 10 && addOns.length > 0; attempt++) {
                int a = rng.nextInt(addOns.length);
                List<String> primaries = addOnPrimaries.get(a);
                if (!usable(addOns[a]) || !room(i) || anyUsed(primaries)) {
                    continue;
                }
                addLine(i, new LineDraft(addOns[a], Kind.ADD_ON));
                forbidden.addAll(primaries);
                return;
            }
        }

        private void injectAddOnWithPrimary(int i) {
            for (int attempt = 0; attempt < 10 && addOns.length > 0; attempt++) {
                int a = rng.nextInt(addOns.length);
                List<String> primaries = addOnPrimaries.get(a);
                String primary = primaries.get(rng.nextInt(primaries.size()));
                if (!usable(addOns[a]) || !usable(primary) || emCodes.contains(primary)) {
                    continue;
                }
                int where = visit.size() > 1 && rng.nextInt(100) < 30 ? other(i) : i;
                if (!room(where) || !room(i) || (where == i && visit.get(i).size() > MAX_LINES - 2)) {
                    continue;
                }
                addLine(where, new LineDraft(primary, kindOf(primary)));
                addLine(i, new LineDraft(addOns[a], Kind.ADD_ON));
                return;
            }
        }

        private boolean usable(String code) {
            Claim.Sex only = sexSpecific(code);
            return !used.contains(code) && !forbidden.contains(code) && (only == null || only == visitSex);
        }

        private boolean anyUsed(List<String> codes) {
            for (String c : codes) {
                if (used.contains(c)) {
                    return true;
                }
            }
            return false;
        }

        private boolean room(int claim) {
            return visit.get(claim).size() < MAX_LINES;
        }

        private int other(int i) {
            int j = rng.nextInt(visit.size() - 1);
            return j >= i ? j + 1 : j;
        }

        private void addLine(int claim, LineDraft line) {
            used.add(line.code);
            if (line.kind == Kind.EM) {
                visitHasEm = true;
                visit.get(claim).add(0, line); // E/M first, as billers list it
            } else {
                visit.get(claim).add(line);
            }
        }

        // ------------------------------------------------------------ background lines

        private void fill(List<LineDraft> lines, int target) {
            int guard = 0;
            while (lines.size() < target && guard++ < 50) {
                int u = rng.nextInt(100);
                Kind kind = u < 40 ? Kind.LAB : u < 70 ? Kind.PROCEDURE : u < 82 ? Kind.RADIOLOGY : Kind.HCPCS;
                String[] pool = switch (kind) {
                    case LAB -> labs;
                    case PROCEDURE -> procedures;
                    case RADIOLOGY -> radiology;
                    default -> hcpcs;
                };
                String code = pool[rng.nextInt(pool.length)];
                if (!usable(code)) {
                    continue;
                }
                LineDraft l = new LineDraft(code, kind);
                int units = rng.nextInt(100);
                l.units = units < 92 ? 1 : units < 98 ? 2 : 3;
                Universe.Mue m = mue.get(code);
                if (m != null && l.units > m.value()) {
                    l.units = m.value();
                }
                if (kind == Kind.PROCEDURE || kind == Kind.RADIOLOGY) {
                    int mod = rng.nextInt(100);
                    if (mod < 8) {
                        l.modifiers.add(rng.nextBoolean() ? "RT" : "LT");
                    } else if (mod < 11) {
                        l.modifiers.add("59");
                    } else if (mod < 13) {
                        l.modifiers.add("XU");
                    }
                }
                used.add(code);
                lines.add(l);
            }
        }

        /** Modifier 25 on half the E/M lines billed with a procedure (never on an E/M alone). */
        private void markEmWith25(List<LineDraft> lines) {
            if (lines.isEmpty() || lines.get(0).kind != Kind.EM || lines.get(0).modifiers.contains("25")) {
                return;
            }
            for (LineDraft l : lines) {
                if (l.kind == Kind.PROCEDURE || l.kind == Kind.RADIOLOGY) {
                    if (rng.nextBoolean()) {
                        lines.get(0).modifiers.add("25");
                    }
                    return;
                }
            }
        }

        private Kind kindOf(String code) {
            if (emCodes.contains(code)) {
                return Kind.EM;
            }
            char first = code.charAt(0);
            if (Character.isLetter(first)) {
                return Kind.HCPCS;
            }
            if (code.endsWith("U") || (code.compareTo("80000") >= 0 && code.compareTo("89999") <= 0)) {
                return Kind.LAB;
            }
            if (code.compareTo("70000") >= 0 && code.compareTo("79999") <= 0) {
                return Kind.RADIOLOGY;
            }
            return Kind.PROCEDURE;
        }

        // ------------------------------------------------------------ claim assembly

        private Claim materialize(List<LineDraft> drafts, Patient patient, Provider bill, Provider rend, LocalDate dos) {
            int dx = 1 + (rng.nextInt(100) < 45 ? 0 : rng.nextInt(100) < 60 ? 1 : 2);
            List<String> diagnoses = new ArrayList<>(dx);
            while (diagnoses.size() < dx) {
                String d = DIAGNOSES.get(rng.nextInt(DIAGNOSES.size()));
                if (!diagnoses.contains(d)) {
                    diagnoses.add(d);
                }
            }
            List<ServiceLine> lines = new ArrayList<>(drafts.size());
            int n = 1;
            for (LineDraft d : drafts) {
                List<Integer> pointers;
                if (d.kind == Kind.EM || dx == 1) {
                    pointers = List.of(1);
                } else {
                    int p = 1 + rng.nextInt(dx);
                    pointers = p != 1 && rng.nextInt(100) < 30 ? List.of(p, 1) : List.of(p);
                }
                lines.add(new ServiceLine(n++, dos, null, d.code, d.modifiers, d.units, charge(d.kind), pointers,
                        null, null));
            }
            String id = idPrefix + pad9(nextId++);
            return new Claim(id, Claim.ClaimType.PROFESSIONAL, PAYER, patient, bill, rend, PLACE_OF_SERVICE,
                    dos.plusDays(2 + rng.nextInt(29)), diagnoses, lines);
        }

        private BigDecimal charge(Kind kind) {
            int low;
            int high;
            switch (kind) {
                case EM -> { low = 75; high = 250; }
                case LAB -> { low = 20; high = 90; }
                case RADIOLOGY -> { low = 60; high = 400; }
                case HCPCS -> { low = 20; high = 300; }
                case ADD_ON -> { low = 40; high = 300; }
                default -> { low = 120; high = 500; }
            }
            return BigDecimal.valueOf(low * 100L + rng.nextInt((high - low) * 100 + 1), 2);
        }

        /** A weekday of 2026 Q1 (one visit in ten on a weekend). */
        private LocalDate serviceDate() {
            while (true) {
                LocalDate d = QuarterGenerator.QUARTER_START.plusDays(rng.nextInt(90));
                DayOfWeek w = d.getDayOfWeek();
                if ((w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) || rng.nextInt(10) == 0) {
                    return d;
                }
            }
        }

        /** Patient attributes follow from the index, so a patient looks the same in every visit. */
        private static Patient patient(int index, long h) {
            int age = (h & 0xFF) < 218 ? 65 + (int) ((h >>> 8) % 30) : 21 + (int) ((h >>> 8) % 44); // 85 % Medicare-aged
            LocalDate born = LocalDate.of(2026 - age, 1, 1).plusDays((h >>> 24) % 365);
            Claim.Sex sex = ((h >>> 40) % 100) < 55 ? Claim.Sex.F : Claim.Sex.M;
            return new Patient("P" + pad9(index), born, sex);
        }

        private int pick(int[] cumulative) {
            int u = rng.nextInt(cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (u < cumulative[i]) {
                    return i;
                }
            }
            return cumulative.length - 1;
        }
    }

    /**
     * The sex a procedure is specific to, or null: the ranges of the demographic edits in
     * {@code rules/data/demographic-edits.yaml} (CPT male genital system 54000-55899 and prostate procedures,
     * female genital system and maternity 56405-59899, HCPCS G0101-G0103, Q0091), so no claim trips DEMO-SEX-PROC.
     */
    static Claim.Sex sexSpecific(String code) {
        switch (code) {
            case "52601", "52630", "52647", "52648", "52649", "53850", "53851", "53852", "53853", "53854",
                 "G0102", "G0103" -> {
                return Claim.Sex.M;
            }
            case "G0101", "Q0091" -> {
                return Claim.Sex.F;
            }
            default -> { }
        }
        if (code.length() == 5 && code.compareTo("54000") >= 0 && code.compareTo("55899") <= 0) {
            return Claim.Sex.M;
        }
        if (code.length() == 5 && code.compareTo("56405") >= 0 && code.compareTo("59899") <= 0) {
            return Claim.Sex.F;
        }
        return null;
    }

    /** The 10-digit NPI for a 9-digit identifier: Luhn check digit over "80840" + identifier. */
    static String npi(String nineDigits) {
        return nineDigits + org.claimauditor.claim.Codes.npiCheckDigit(nineDigits);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int[] cumulative(int[] weights) {
        int[] c = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    private static String pad9(long n) {
        String s = Long.toString(n);
        return s.length() >= 9 ? s : "000000000".substring(s.length()) + s;
    }
}
