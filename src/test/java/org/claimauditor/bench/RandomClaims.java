package org.claimauditor.bench;

import org.claimauditor.claim.Claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small random claim generator for the reference-checker tests, drawing codes from the bundled NCCI sample
 * (PTP pairs of the ccipra/ccioph files, MUE codes) and a list of add-on codes with their primaries, with the
 * awkward cases the rules care about: same patient on several claims, shared and missing NPIs, billing groups,
 * date spans, reversed or missing dates, missing units and line numbers, PTP-associated modifiers.
 */
final class RandomClaims {

    private static final Pattern PTP_ROW = Pattern.compile("^([0-9A-Z]{5})\t([0-9A-Z]{5})\t[^\t]*\t\\d{8}\t.*");
    private static final Pattern MUE_ROW = Pattern.compile("^\"?([0-9A-Z]{5})\"?,.*");

    /** Add-on codes and primaries of the real AOC table: types 1, 2 (contractor-defined) and 3, dated ones. */
    private static final List<String> AOC_CODES = List.of(
            "99292", "99291", "99291", "11045", "11042", "11046", "11043", "15777", "0054T",
            "99418", "99223", "99233", "49327", "0312T", "38120", "88311", "88305", "88302");
    private static final List<String> FILLER = List.of("99213", "99214", "97530", "12001", "J1100", "A4253",
            "E0114", "20610", "97110", "97140", "36415", "36416");
    private static final List<String> MODIFIERS = List.of("25", "59", "XU", "XS", "RT", "LT", "91");
    private static final List<String> NPIS = List.of("1234567893", "1245319599", "1003000126", "1538296543");
    private static final List<Claim.Provider> BILLING = List.of(
            new Claim.Provider("1234567893", "123456789"),
            new Claim.Provider("1245319599", "123456789"),
            new Claim.Provider("1003000126", "987654321"),
            new Claim.Provider("1538296543", null));
    private static final List<LocalDate> MAIN_DATES = List.of(
            LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4));
    private static final List<LocalDate> OTHER_DATES = List.of(
            LocalDate.of(2019, 6, 30), LocalDate.of(2019, 7, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 15), LocalDate.of(2022, 12, 31),
            LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1));

    /** PTP pairs per sample file, so the few synthetic rows are drawn as often as the 154 real ones. */
    private final List<List<String[]>> pairs = new ArrayList<>();
    private final List<String> mueCodes = new ArrayList<>();

    RandomClaims(Path ncciSample) {
        try (Stream<Path> files = Files.list(ncciSample)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("cci") && name.endsWith(".txt")) {
                    List<String[]> rows = new ArrayList<>();
                    for (String l : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                        var m = PTP_ROW.matcher(l);
                        if (m.matches()) {
                            rows.add(new String[] {m.group(1), m.group(2)});
                        }
                    }
                    pairs.add(rows);
                } else if (name.startsWith("MCR_MUE_") && name.endsWith(".csv")) {
                    Set<String> codes = new LinkedHashSet<>();
                    for (String l : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                        var m = MUE_ROW.matcher(l);
                        if (m.matches()) {
                            codes.add(m.group(1));
                        }
                    }
                    mueCodes.addAll(codes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pairs.size() < 2 || mueCodes.size() < 10) {
            throw new IllegalStateException("sample tables not found: " + pairs.size() + " pairs, " + mueCodes.size() + " MUE codes");
        }
    }

    /** {@code count} claims, about four per patient, plus a few heavy patients and claims without patient id. */
    List<Claim> generate(long seed, int count) {
        Random rnd = new Random(seed);
        int patients = Math.max(1, count / 4);
        List<Claim> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(claim(rnd, seed, i, patients));
        }
        return out;
    }

    private Claim claim(Random rnd, long seed, int i, int patients) {
        int roll = rnd.nextInt(100);
        Claim.Patient patient;
        if (roll < 1) {
            patient = null;
        } else if (roll < 2) {
            patient = new Claim.Patient(null, LocalDate.of(1950, 1, 1), Claim.Sex.F);
        } else if (roll < 5) {
            patient = new Claim.Patient("HEAVY-" + seed + "-" + rnd.nextInt(2), LocalDate.of(1950, 1, 1), Claim.Sex.M);
        } else {
            patient = new Claim.Patient("P-" + seed + "-" + rnd.nextInt(patients), LocalDate.of(1950, 1, 1), Claim.Sex.F);
        }
        int t = rnd.nextInt(10);
        Claim.ClaimType type = t < 7 ? Claim.ClaimType.PROFESSIONAL : t < 9 ? Claim.ClaimType.INSTITUTIONAL : Claim.ClaimType.DME;
        int b = rnd.nextInt(100);
        Claim.Provider billing = b < 2 ? null : b < 5 ? new Claim.Provider(null, "123456789") : pick(rnd, BILLING);
        Claim.Provider rendering = rnd.nextBoolean() ? null
                : rnd.nextInt(8) == 0 ? new Claim.Provider(null, null) : new Claim.Provider(pick(rnd, NPIS), null);
        LocalDate claimDate = rnd.nextInt(4) == 0 ? pick(rnd, OTHER_DATES) : pick(rnd, MAIN_DATES);

        int target = 1 + rnd.nextInt(6);
        List<String> codes = new ArrayList<>();
        while (codes.size() < target) {
            int k = rnd.nextInt(100);
            if (k < 35) {
                String[] pair = pick(rnd, pick(rnd, pairs));
                if (rnd.nextInt(3) > 0) {
                    codes.add(pair[0]);
                    codes.add(pair[1]);
                } else {
                    codes.add(pair[rnd.nextInt(2)]);
                }
            } else if (k < 60) {
                codes.add(pick(rnd, mueCodes));
            } else if (k < 85) {
                codes.add(pick(rnd, AOC_CODES));
            } else {
                codes.add(pick(rnd, FILLER));
            }
        }
        if (codes.size() > 6) {
            codes = codes.subList(0, 6);
        }
        List<Claim.ServiceLine> lines = new ArrayList<>();
        for (int n = 0; n < codes.size(); n++) {
            lines.add(line(rnd, n, codes.get(n), claimDate, lines));
        }
        return new Claim("G" + seed + "-" + i, type, "MEDICARE", patient, billing, rendering, "11",
                claimDate.plusDays(10), List.of("M54.50"), lines);
    }

    private Claim.ServiceLine line(Random rnd, int n, String code, LocalDate claimDate, List<Claim.ServiceLine> before) {
        int d = rnd.nextInt(100);
        LocalDate dos = d < 1 ? null : d < 12 ? (rnd.nextBoolean() ? pick(rnd, MAIN_DATES) : pick(rnd, OTHER_DATES)) : claimDate;
        LocalDate to = null;
        int s = rnd.nextInt(100);
        if (dos != null && s < 8) {
            to = dos.plusDays(1 + rnd.nextInt(3));
        } else if (dos != null && s < 10) {
            to = dos.minusDays(1);
        } else if (s < 14) {
            to = dos;
        }
        List<String> mods = new ArrayList<>();
        if (rnd.nextInt(100) >= 55) {
            int m = 1 + rnd.nextInt(2);
            for (int k = 0; k < m; k++) {
                String mod = pick(rnd, MODIFIERS);
                if (!mods.contains(mod)) {
                    mods.add(mod);
                }
            }
        }
        int u = rnd.nextInt(100);
        Integer units = u < 2 ? null : u < 55 ? 1 : 1 + rnd.nextInt(5);
        int ln = rnd.nextInt(100);
        Integer lineNumber = n + 1;
        if (ln < 2) {
            lineNumber = null;
        } else if (ln < 3 && !before.isEmpty()) {
            lineNumber = before.get(before.size() - 1).lineNumber(); // a repeated (or missing) line number
        }
        String npi = rnd.nextInt(100) < 15 ? pick(rnd, NPIS) : null;
        return new Claim.ServiceLine(lineNumber, dos, to, code, mods, units, new BigDecimal("10.00"), List.of(1), npi, null);
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
