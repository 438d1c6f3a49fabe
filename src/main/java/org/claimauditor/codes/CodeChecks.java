package org.claimauditor.codes;

import org.claimauditor.engine.fact.DiagnosisFact;
import org.claimauditor.engine.fact.LineFact;
import org.claimauditor.ncci.NcciTables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The DRL global {@code codes}: what kind of code a line carries (E/M, lab, add-on) from the data files in
 * {@code rules/data/} and the loaded tables, and whether a modifier exists. Rules name a group; the codes
 * live in data.
 */
public final class CodeChecks {


    private final CodeGroups groups;
    private final NcciTables ncci;
    private final CodeSets codeSets;
    /** The demographic edits of each kind, split once: the rules ask for every diagnosis and line. */
    private final List<DemographicEdits.Edit> sexDiagnosis;
    private final List<DemographicEdits.Edit> sexProcedure;
    private final List<DemographicEdits.Edit> ageDiagnosis;
    private final List<DemographicEdits.Edit> manifestation;

    public CodeChecks(CodeGroups groups, DemographicEdits demographics, NcciTables ncci, CodeSets codeSets) {
        this.groups = groups;
        this.ncci = ncci;
        this.codeSets = codeSets;
        this.sexDiagnosis = ofKind(demographics, "sex-diagnosis");
        this.sexProcedure = ofKind(demographics, "sex-procedure");
        this.ageDiagnosis = ofKind(demographics, "age-diagnosis");
        this.manifestation = ofKind(demographics, "manifestation");
    }

    private static List<DemographicEdits.Edit> ofKind(DemographicEdits demographics, String kind) {
        return demographics.edits().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    // ---- code sets in force on the date of service --------------------------------------------------

    /**
     * The ICD-10-CM status of a well-formed diagnosis on the claim's first date of service, when it is wrong
     * (header, not valid that fiscal year) or the loaded files do not cover that date; empty when valid or when
     * no ICD-10-CM file is loaded (shape checks only, said in the reference data).
     */
    public List<IcdStatus> icdProblems(DiagnosisFact d) {
        LocalDate dos = d.getClaim().getFirstServiceDate();
        if (!codeSets.hasIcd() || !judgeable(dos) || !d.isWellFormed()) {
            return List.of();
        }
        IcdStatus s = codeSets.icd(d.getCode(), dos);
        return s.isError() || s.isNotCovered() ? List.of(s) : List.of();
    }

    /** The same for a line's CPT/HCPCS code on its date of service, for the code systems that are loaded. */
    public List<HcpcsStatus> procedureProblems(LineFact l) {
        String code = l.getProcedureCode();
        LocalDate dos = l.getServiceDate();
        if (!codeSets.hasHcpcs() && !codeSets.hasCpt() || !judgeable(dos) || !l.isProcedureCodeWellFormed()) {
            return List.of();
        }
        boolean level2 = org.claimauditor.claim.Codes.isHcpcsLevel2(code);
        if (level2 ? !codeSets.hasHcpcs() : !codeSets.hasCpt()) {
            return List.of();
        }
        HcpcsStatus s = codeSets.procedure(code, dos);
        return s.isError() || s.isNotCovered() ? List.of(s) : List.of();
    }

    /**
     * Whether code sets can be looked up on the date: code files cover real years, and the fiscal-year arithmetic
     * overflows near LocalDate.MIN/MAX. Dates outside 0001–9999 are reported by the claim-data rules instead.
     */
    private static boolean judgeable(LocalDate dos) {
        return dos != null && dos.getYear() >= 1 && dos.getYear() <= 9999;
    }

    /**
     * For an unspecified diagnosis ("unspecified" in its title) whose category has specific billable codes,
     * a few of those codes; empty otherwise or when no ICD-10-CM file is loaded.
     */
    public List<String> moreSpecificCodes(DiagnosisFact d) {
        LocalDate dos = d.getClaim().getFirstServiceDate();
        if (!codeSets.hasIcd() || !judgeable(dos) || !d.isWellFormed() || d.getCode().length() < 4) {
            return List.of();
        }
        IcdStatus s = codeSets.icd(d.getCode(), dos);
        if (s.status() != IcdStatus.Status.VALID || s.title() == null
                || !s.title().toLowerCase(java.util.Locale.ROOT).contains("unspecified")) {
            return List.of();
        }
        // the nearest header above the code (its own subcategory first, then up to the 3-character category)
        List<String> specific = new ArrayList<>();
        for (int len = d.getCode().length() - 1; len >= 3 && specific.isEmpty(); len--) {
            IcdStatus parent = codeSets.icd(d.getCode().substring(0, len), dos);
            for (String c : parent.billableCodesUnder()) {
                String plain = org.claimauditor.claim.Codes.normalizeDiagnosis(c);
                if (plain.equals(d.getCode())) {
                    continue;
                }
                String title = codeSets.icdCode(plain, s.fiscalYear()).map(IcdCode::shortTitle).orElse("");
                if (!title.toLowerCase(java.util.Locale.ROOT).contains("unsp")) {
                    specific.add(plain.length() > 3 ? plain.substring(0, 3) + "." + plain.substring(3) : plain);
                }
            }
        }
        return specific.isEmpty() ? List.of() : List.of(String.join(", ", specific.subList(0, Math.min(4, specific.size())))
                + (specific.size() > 4 ? " and " + (specific.size() - 4) + " more" : ""));
    }

    // ---- demographic edits (rules/data/demographic-edits.yaml) ----------------------------------------

    /** Sex edits the diagnosis breaks for the patient's sex; never for sex U or unknown. */
    public List<DemographicEdits.Edit> sexConflicts(DiagnosisFact d) {
        String sex = d.getClaim().getPatientSex();
        if (!"F".equals(sex) && !"M".equals(sex)) {
            return List.of();
        }
        List<DemographicEdits.Edit> hits = List.of();
        for (DemographicEdits.Edit e : sexDiagnosis) {
            if (!e.sex().equals(sex) && e.coversDiagnosis(d.getCode())) {
                hits = add(hits, e);
            }
        }
        return hits;
    }

    /** Sex edits the line's procedure breaks for the patient's sex; never for sex U or unknown. */
    public List<DemographicEdits.Edit> sexConflicts(LineFact l) {
        String sex = l.getClaim().getPatientSex();
        if (!"F".equals(sex) && !"M".equals(sex)) {
            return List.of();
        }
        List<DemographicEdits.Edit> hits = List.of();
        for (DemographicEdits.Edit e : sexProcedure) {
            if (!e.sex().equals(sex) && e.coversProcedure(l.getProcedureCode())) {
                hits = add(hits, e);
            }
        }
        return hits;
    }

    /** Age edits the diagnosis breaks for the patient's age at the first date of service. */
    public List<DemographicEdits.Edit> ageConflicts(DiagnosisFact d) {
        Integer age = d.getClaim().getAgeAtService();
        if (age == null) {
            return List.of();
        }
        List<DemographicEdits.Edit> hits = List.of();
        for (DemographicEdits.Edit e : ageDiagnosis) {
            if ((age < e.minAge() || age > e.maxAge()) && e.coversDiagnosis(d.getCode())) {
                hits = add(hits, e);
            }
        }
        return hits;
    }

    /** The manifestation list that makes this diagnosis invalid as principal, if it is the principal one. */
    public List<DemographicEdits.Edit> manifestationAsPrincipal(DiagnosisFact d) {
        if (!d.isPrincipal()) {
            return List.of();
        }
        List<DemographicEdits.Edit> hits = List.of();
        for (DemographicEdits.Edit e : manifestation) {
            if (e.coversDiagnosis(d.getCode())) {
                hits = add(hits, e);
            }
        }
        return hits;
    }

    /** Appends to a list that is empty (and shared) until the first hit: most codes hit no edit. */
    private static List<DemographicEdits.Edit> add(List<DemographicEdits.Edit> hits, DemographicEdits.Edit e) {
        List<DemographicEdits.Edit> more = hits.isEmpty() ? new ArrayList<>(2) : hits;
        more.add(e);
        return more;
    }

    public boolean isEm(String code) {
        return groups.in("EM", code);
    }

    public boolean isLab(String code) {
        return groups.in("LAB", code);
    }

    public boolean inGroup(String group, String code) {
        return groups.in(group, code);
    }

    /** An add-on code on that date per the NCCI add-on code table of the date's quarter (false when none is loaded). */
    public boolean isAddOn(String code, LocalDate dos) {
        org.claimauditor.ncci.AocTable aoc = ncci.aocFor(dos);
        return aoc != null && aoc.find(code, dos, null, null) != null;
    }

    /**
     * Modifiers on the line that are neither CPT modifiers (rules/data) nor Level II modifiers. Level II
     * modifiers come from the HCPCS file when code sets are loaded; without it only their shape is checked.
     */
    public List<String> unknownModifiers(LineFact line) {
        List<String> unknown = List.of();
        for (String m : line.getModifiers()) {
            if (!known(m)) {
                if (unknown.isEmpty()) {
                    unknown = new ArrayList<>(2);
                }
                unknown.add(m);
            }
        }
        return unknown;
    }

    private boolean known(String m) {
        if (m == null || m.length() != 2 || !shape(m.charAt(0)) || !shape(m.charAt(1))) {
            return false;
        }
        if (Character.isDigit(m.charAt(0)) && Character.isDigit(m.charAt(1))) {
            return groups.cptModifiers().contains(m);
        }
        // Level II: checked against the HCPCS modifier list when one is loaded, else shape only
        return !codeSets.hasModifierList() || codeSets.isKnownModifier(m);
    }

    /** A character of a modifier's shape: [0-9A-Z]. */
    private static boolean shape(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }
}
