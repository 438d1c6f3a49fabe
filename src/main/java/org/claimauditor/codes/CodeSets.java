package org.claimauditor.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The code sets in force for auditing: ICD-10-CM by fiscal year, HCPCS Level II codes and modifiers by release,
 * and an optional user-supplied CPT list. Immutable and shared by every audit. Whatever is not loaded gets
 * shape checks only, and {@link #describe()} says so in every result's reference data.
 *
 * <p>Three kinds of answer: valid; an error (header, not in that fiscal year, terminated, not yet effective,
 * unknown); or "not covered" when no loaded file speaks for the date of service (or only an excerpt does and
 * lacks the code) - a warning, never an error.
 */
public final class CodeSets {

    /** Nothing loaded: every code gets shape checks only. */
    public static final CodeSets EMPTY = builder().build();

    private static final Pattern HCPCS_LEVEL_II = Pattern.compile("[A-Va-v][0-9]{4}");

    private final IcdCodeSet icd;
    private final HcpcsCodeSet hcpcs;
    private final CptCodeSet cpt;

    private CodeSets(IcdCodeSet icd, HcpcsCodeSet hcpcs, CptCodeSet cpt) {
        this.icd = icd;
        this.hcpcs = hcpcs;
        this.cpt = cpt;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A diagnosis (dot optional) on a date of service, judged in that date's fiscal year. */
    public IcdStatus icd(String code, LocalDate dateOfService) {
        return icd.status(code, dateOfService);
    }

    /** The row of {@code code} in a loaded fiscal year, if any. */
    public Optional<IcdCode> icdCode(String code, int fiscalYear) {
        return icd.find(code, fiscalYear);
    }

    /** Loaded ICD-10-CM fiscal years, ascending. */
    public List<Integer> icdFiscalYears() {
        return icd.fiscalYears();
    }

    /** A HCPCS Level II code (letter A-V + 4 digits) on a date of service. */
    public HcpcsStatus hcpcs(String code, LocalDate dateOfService) {
        return hcpcs.code(code, dateOfService);
    }

    /** A CPT code on a date of service; NOT_COVERED when no CPT list is loaded. */
    public HcpcsStatus cpt(String code, LocalDate dateOfService) {
        return cpt.status(code, dateOfService);
    }

    /** A line's procedure code: HCPCS Level II when it is a letter A-V and 4 digits, otherwise CPT. */
    public HcpcsStatus procedure(String code, LocalDate dateOfService) {
        String c = code == null ? "" : code.trim();
        return HCPCS_LEVEL_II.matcher(c).matches() ? hcpcs(c, dateOfService) : cpt(c, dateOfService);
    }

    /** A HCPCS Level II modifier on a date of service (modifiers have add and termination dates too). */
    public HcpcsStatus modifier(String modifier, LocalDate dateOfService) {
        return hcpcs.modifier(modifier, dateOfService);
    }

    /**
     * Whether a loaded HCPCS file defines this Level II modifier, at any date. The alpha-numeric file holds Level
     * II modifiers only: CPT (Level I) modifiers such as 25, 59 or 76 are AMA-defined and never in it.
     */
    public boolean isKnownModifier(String modifier) {
        return hcpcs.isKnownModifier(modifier);
    }

    /** A complete HCPCS file with modifiers is loaded, so an absent Level II modifier really is unknown. */
    public boolean hasModifierList() {
        return hcpcs.hasModifierList();
    }

    public boolean hasIcd() {
        return !icd.isEmpty();
    }

    public boolean hasHcpcs() {
        return !hcpcs.isEmpty();
    }

    public boolean hasCpt() {
        return !cpt.isEmpty();
    }

    public boolean isEmpty() {
        return icd.isEmpty() && hcpcs.isEmpty() && cpt.isEmpty();
    }

    /** Lines for each result's {@code referenceData}: what was loaded, and what gets shape checks only. */
    public List<String> describe() {
        if (isEmpty()) {
            return List.of("Code sets: none loaded; ICD-10-CM, HCPCS and CPT codes get shape checks only");
        }
        List<String> out = new ArrayList<>(icd.describe());
        out.addAll(hcpcs.describe());
        out.addAll(cpt.describe());
        return List.copyOf(out);
    }

    /**
     * Collects codes as the readers emit them. Register each file before its rows (so an empty file still shows
     * in {@link #describe()}); a file whose name says "excerpt" makes its fiscal year or release partial.
     */
    public static final class Builder {
        private final Map<Integer, Map<String, IcdCode>> icdCodes = new TreeMap<>();
        private final Map<Integer, List<String>> icdFiles = new TreeMap<>();
        private final Map<HcpcsRelease, Map<String, HcpcsRecord>> hcpcsCodes = new TreeMap<>();
        private final Map<HcpcsRelease, Map<String, HcpcsRecord>> hcpcsModifiers = new TreeMap<>();
        private final Map<HcpcsRelease, List<String>> hcpcsFiles = new TreeMap<>();
        private final Map<String, List<CptCode>> cptCodes = new HashMap<>();
        private final List<String> cptFiles = new ArrayList<>();
        private final Map<String, String> texts = new HashMap<>(); // titles repeat across years: keep one copy
        private final List<CodeFileProblem> problems = new ArrayList<>();

        private Builder() { }

        public Builder icdFile(int fiscalYear, String file) {
            addOnce(icdFiles.computeIfAbsent(fiscalYear, k -> new ArrayList<>()), file);
            icdCodes.computeIfAbsent(fiscalYear, k -> new LinkedHashMap<>());
            return this;
        }

        /** A later file of the same fiscal year replaces a code silently; a repeat within one file is reported. */
        public Builder icd(IcdCode c) {
            icdFile(c.fiscalYear(), c.file());
            IcdCode interned = new IcdCode(c.code(), c.billable(), text(c.shortTitle()), text(c.longTitle()),
                    c.fiscalYear(), c.file(), c.line());
            IcdCode before = icdCodes.get(c.fiscalYear()).put(c.code(), interned);
            if (before != null && before.file().equals(c.file())) {
                problems.add(new CodeFileProblem(c.file(), c.line(), "ICD-10-CM " + c.code()
                        + " appears again (first at line " + before.line() + "); the later row is used"));
            }
            return this;
        }

        public Builder hcpcsFile(HcpcsRelease release, String file) {
            addOnce(hcpcsFiles.computeIfAbsent(release, k -> new ArrayList<>()), file);
            hcpcsCodes.computeIfAbsent(release, k -> new HashMap<>());
            hcpcsModifiers.computeIfAbsent(release, k -> new HashMap<>());
            return this;
        }

        /** The first row of a code in a release is kept; a repeat is reported. */
        public Builder hcpcs(HcpcsRelease release, HcpcsRecord r) {
            hcpcsFile(release, r.file());
            Map<String, HcpcsRecord> target = (r.modifier() ? hcpcsModifiers : hcpcsCodes).get(release);
            HcpcsRecord before = target.putIfAbsent(r.code(), r);
            if (before != null) {
                problems.add(new CodeFileProblem(r.file(), r.line(), "HCPCS " + r.code() + " appears again (first at "
                        + before.file() + " line " + before.line() + "); the later row is ignored"));
            }
            return this;
        }

        public Builder cptFile(String file) {
            addOnce(cptFiles, file);
            return this;
        }

        public Builder cpt(CptCode c) {
            cptFile(c.file());
            cptCodes.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
            return this;
        }

        /** Repeated codes found while adding. */
        public List<CodeFileProblem> problems() {
            return List.copyOf(problems);
        }

        public CodeSets build() {
            TreeMap<Integer, IcdCodeSet.Year> years = new TreeMap<>();
            icdCodes.forEach((fy, codes) -> years.put(fy, new IcdCodeSet.Year(fy, List.copyOf(icdFiles.get(fy)),
                    allExcerpts(icdFiles.get(fy)), Collections.unmodifiableNavigableMap(new TreeMap<>(codes)))));
            List<HcpcsCodeSet.Release> releases = new ArrayList<>();
            hcpcsFiles.forEach((release, files) -> releases.add(new HcpcsCodeSet.Release(release, List.copyOf(files),
                    allExcerpts(files), Map.copyOf(hcpcsCodes.get(release)), Map.copyOf(hcpcsModifiers.get(release)))));
            releases.sort(Comparator.comparing(HcpcsCodeSet.Release::release).reversed());
            Map<String, List<CptCode>> cpt = new HashMap<>();
            cptCodes.forEach((code, periods) -> cpt.put(code, List.copyOf(periods)));
            return new CodeSets(new IcdCodeSet(years), new HcpcsCodeSet(releases), new CptCodeSet(cpt, cptFiles));
        }

        /** Partial only when no file of the year or release is complete. */
        private static boolean allExcerpts(List<String> files) {
            return files.stream().allMatch(CodeFileText::isExcerpt);
        }

        private String text(String s) {
            return s == null ? null : texts.computeIfAbsent(s, k -> k);
        }

        private static void addOnce(List<String> list, String item) {
            if (!list.contains(item)) {
                list.add(item);
            }
        }
    }
}
