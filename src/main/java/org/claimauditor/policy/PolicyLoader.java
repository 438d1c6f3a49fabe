package org.claimauditor.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.claimauditor.claim.Codes;
import org.claimauditor.codes.CodeRange;
import org.claimauditor.codes.DxRange;
import org.claimauditor.engine.BuildError;
import org.claimauditor.engine.Remittance;
import org.claimauditor.engine.RuleSnapshot;
import org.claimauditor.engine.SourceText;
import org.claimauditor.engine.Severity;
import org.claimauditor.engine.Suggestions;
import org.claimauditor.engine.YamlErrors;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads every payer policy file ({@code *.yaml} in the policy folder). Unknown keys, bad codes or ranges, bad
 * dates, missing fields and duplicate ids are errors located as file:line:column, so a broken file is never
 * put in service.
 */
public final class PolicyLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private static final Set<String> NCCI_SETTINGS = Set.of("practitioner", "hospital", "dme");

    record Range(LocalDate from, LocalDate to) { }

    record ConditionsText(List<String> placeOfService, List<String> claimType, List<String> providerNpi,
                          List<String> providerTin, List<String> diagnoses, Integer minAge, Integer maxAge, String sex) { }

    record EntryText(String id, String kind, String description, String source, Range effective, String severity,
                     String enforcement, List<String> codes, List<String> bundled, List<String> modifiers,
                     List<String> bypassModifiers, List<String> instead, Integer max, String per, Integer days,
                     String count, Integer value, Integer mai, String addOn, List<String> primaries, List<String> rules,
                     ConditionsText conditions, String carc, List<String> rarc) { }

    record FileText(List<String> payers, String name, Range effective, List<String> ncci, List<EntryText> entries) { }

    private PolicyLoader() { }

    /** Loads the folder; errors are added to {@code errors} and the result must not be used if any were added. */
    public static PolicySet load(Path dir, String defaultPayer, List<BuildError> errors) {
        return load(RuleSnapshot.read(null, dir), defaultPayer, errors);
    }

    /** Loads the policy files of a snapshot (never the disk), so policies and rules come from the same read. */
    public static PolicySet load(RuleSnapshot snapshot, String defaultPayer, List<BuildError> errors) {
        List<String> names = snapshot.names(RuleSnapshot.POLICIES, ".yaml", ".yml");
        if (names.isEmpty()) {
            return PolicySet.NONE;
        }
        List<PayerPolicy> policies = new ArrayList<>();
        Map<String, PayerPolicy> byPayer = new LinkedHashMap<>();
        Map<String, String> entryIds = new HashMap<>();
        for (String name : names) {
            SourceText f = snapshot.text(name, errors);
            if (f == null) {
                continue;
            }
            PayerPolicy p = loadFile(f, errors, entryIds);
            if (p == null) {
                continue;
            }
            for (String payer : p.payers()) {
                PayerPolicy before = byPayer.putIfAbsent(payer, p);
                if (before != null) {
                    errors.add(YamlErrors.near(f, payer, "payer '" + payer + "' is already covered by " + before.fileName()));
                }
            }
            policies.add(p);
        }
        if (defaultPayer != null && !policies.isEmpty() && !byPayer.containsKey(defaultPayer)) {
            errors.add(new BuildError(String.valueOf(snapshot.policiesDir()), 0, 0, "the default payer '" + defaultPayer + "' has no policy file"));
        }
        return new PolicySet(List.copyOf(policies), Map.copyOf(byPayer), defaultPayer);
    }

    private static PayerPolicy loadFile(SourceText f, List<BuildError> errors, Map<String, String> entryIds) {
        int errorsBefore = errors.size();
        Set<String> typos = new java.util.HashSet<>(); // keys an unknown key was meant to be: not also reported as missing
        FileText text = YamlErrors.readAll(YAML, f, FileText.class, errors, typos); // on past bad keys and values: every mistake in one run
        if (text == null) {
            if (errors.size() == errorsBefore) {
                errors.add(new BuildError(f.file(), 1, 1, "empty policy file"));
            }
            return null;
        }
        int before = errors.size();
        if ((text.payers() == null || text.payers().isEmpty()) && !typos.contains("payers")) {
            errors.add(new BuildError(f.file(), 1, 1, "missing key 'payers' (the payer ids this policy covers)"));
        }
        if ((text.name() == null || text.name().isBlank()) && !typos.contains("name")) {
            errors.add(new BuildError(f.file(), 1, 1, "missing key 'name'"));
        }
        Set<String> ncci = new LinkedHashSet<>(text.ncci() == null ? NCCI_SETTINGS : Set.of());
        for (String s : text.ncci() == null ? List.<String>of() : text.ncci()) {
            String v = s.toLowerCase(Locale.ROOT);
            if (v.equals("none")) {
                continue;
            }
            if (!NCCI_SETTINGS.contains(v)) {
                errors.add(YamlErrors.near(f, s, "ncci: '" + s + "' is not one of practitioner, hospital, dme, none"
                        + (v.startsWith("medicaid") ? " (Medicaid NCCI tables are not loaded by this version)" : "")));
            }
            ncci.add(v);
        }
        Range eff = text.effective() == null ? new Range(null, null) : text.effective();
        checkRange(f, eff, "effective", errors);
        PayerPolicy policy = new PayerPolicy(f.file(), Path.of(f.file()).getFileName().toString(),
                text.payers() == null ? List.of() : text.payers(), text.name(), eff.from(), eff.to(), ncci);
        List<String> lines = f.lines();
        List<PolicyEntry> entries = new ArrayList<>();
        for (EntryText e : text.entries() == null ? List.<EntryText>of() : text.entries()) {
            if (e == null) {
                continue; // an entry that is not a mapping, already reported by the reader
            }
            PolicyEntry entry = entry(f, lines, policy, e, errors, entryIds, typos);
            if (entry != null) {
                entries.add(entry);
            }
        }
        policy.entries(entries);
        return errors.size() == before ? policy : null;
    }

    private static PolicyEntry entry(SourceText f, List<String> lines, PayerPolicy policy, EntryText e, List<BuildError> errors,
                                     Map<String, String> entryIds, Set<String> typos) {
        int before = errors.size();
        String where = "entry " + (e.id() == null ? "(no id)" : e.id());
        int line = lineOf(lines, e.id());
        Err err = message -> errors.add(new BuildError(f.file(), line, line > 0 ? lines.get(line - 1).indexOf(e.id() == null ? "" : e.id()) + 1 : 0,
                where + ": " + message));
        if (e.id() == null || e.id().isBlank()) {
            errors.add(new BuildError(f.file(), 0, 0, "an entry has no id"));
            return null;
        }
        String other = entryIds.putIfAbsent(e.id(), Path.of(f.file()).getFileName() + ":" + line);
        if (other != null) {
            err.add("duplicate policy id, also at " + other);
        }
        if (e.kind() == null || !PolicyEntry.KINDS.contains(e.kind())) {
            errors.add(value(f, lines, line, "kind", where + ": kind must be one of " + String.join(", ", new java.util.TreeSet<>(PolicyEntry.KINDS))
                    + (e.kind() == null ? "" : ", found '" + e.kind() + "'" + Suggestions.didYouMean(e.kind(), PolicyEntry.KINDS))));
            return null;
        }
        if ((e.description() == null || e.description().isBlank()) && !typos.contains("description")) {
            err.add("missing 'description'");
        }
        if ((e.source() == null || e.source().isBlank()) && !typos.contains("source")) {
            err.add("missing 'source' (document, section, URL)");
        }
        Severity severity = Severity.ERROR;
        if (e.severity() != null) {
            try {
                severity = Severity.valueOf(e.severity().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                errors.add(value(f, lines, line, "severity", where + ": severity must be ERROR, WARNING or INFO, found '"
                        + e.severity() + "'" + Suggestions.didYouMean(e.severity(), List.of("ERROR", "WARNING", "INFO"))));
            }
        }
        Enforcement enforcement = Enforcement.DENY;
        if (e.enforcement() != null) {
            try {
                enforcement = Enforcement.valueOf(e.enforcement().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                errors.add(value(f, lines, line, "enforcement", where + ": enforcement must be deny, pend or soft, found '"
                        + e.enforcement() + "'" + Suggestions.didYouMean(e.enforcement(), List.of("deny", "pend", "soft"))));
            }
        }
        Range eff = e.effective() == null ? new Range(null, null) : e.effective();
        checkRange(f, eff, where + " effective", errors);
        List<CodeRange> codes = ranges(f, e.codes(), where, errors);
        List<CodeRange> bundled = ranges(f, e.bundled(), where, errors);
        List<String> modifiers = modifiers(f, e.modifiers(), where, errors);
        List<String> bypass = modifiers(f, e.bypassModifiers(), where, errors);
        List<String> instead = modifiers(f, e.instead(), where, errors);
        String per = e.per();
        // presence is judged on what was written, so a bad code is reported once, not also as "missing"
        boolean hasCodes = e.codes() != null && !e.codes().isEmpty();
        boolean hasBundled = e.bundled() != null && !e.bundled().isEmpty();
        boolean hasModifiers = e.modifiers() != null && !e.modifiers().isEmpty();
        switch (e.kind()) {
            case "bundle" -> require(err, hasCodes && hasBundled, "a bundle needs 'codes' (the including codes) and 'bundled'");
            case "deny" -> require(err, hasCodes, "a deny entry needs 'codes'");
            case "require-modifier" -> require(err, hasCodes && hasModifiers, "needs 'codes' and 'modifiers' (one of them is required)");
            case "forbid-modifier" -> require(err, hasModifiers, "needs 'modifiers' (the forbidden ones)");
            case "frequency-limit" -> {
                require(err, hasCodes && e.max() != null && e.max() >= 0, "needs 'codes' and 'max' (0 or more)");
                require(err, per != null && (per.equals("day") || per.equals("year") || per.equals("rolling")),
                        "'per' must be day, year or rolling");
                require(err, !"rolling".equals(per) || (e.days() != null && e.days() > 0), "per: rolling needs 'days'");
                require(err, e.count() == null || e.count().equals("units") || e.count().equals("services"),
                        "'count' must be units or services");
            }
            case "mue-override" -> {
                require(err, hasCodes && e.codes().size() == 1 && !e.codes().get(0).contains("-"), "needs exactly one code in 'codes'");
                require(err, e.value() != null && e.value() >= 0, "needs 'value' (units per day, 0 or more)");
                require(err, e.mai() != null && e.mai() >= 1 && e.mai() <= 3, "needs 'mai' 1, 2 or 3");
            }
            case "add-on-primaries" -> {
                require(err, e.addOn() != null && Codes.isProcedureCode(e.addOn()), "needs 'addOn', a CPT/HCPCS code");
                require(err, e.primaries() != null && !e.primaries().isEmpty(), "needs 'primaries'");
                ranges(f, e.primaries(), where, errors);
            }
            case "exclude" -> require(err, e.rules() != null && !e.rules().isEmpty(), "needs 'rules' (the rule ids switched off)");
            default -> { }
        }
        Conditions conditions = conditions(f, e.conditions(), where, errors);
        Remittance remittance = remittance(f, lines, line, e, where, errors);
        if (errors.size() > before) {
            return null;
        }
        List<CodeRange> allCodes = e.kind().equals("add-on-primaries") ? ranges(f, e.primaries(), where, new ArrayList<>()) : codes;
        return new PolicyEntry(policy, e.id(), e.kind(), e.description(), e.source(), eff.from(), eff.to(), severity,
                enforcement, allCodes, bundled, modifiers, bypass, instead, e.max(), per, e.days(),
                e.count() == null ? "units" : e.count(), e.value(), e.mai(),
                e.kind().equals("add-on-primaries") ? List.of(e.addOn()) : e.rules() == null ? List.of() : List.copyOf(e.rules()),
                conditions, remittance, line);
    }

    /**
     * The entry's own {@code carc: PR-119} and {@code rarc: [N640]}, checked for shape (group code, CARC, RARC) and
     * placed at the entry's {@code carc:} or {@code rarc:} line; only kinds that give PAYER-* findings may set them.
     */
    private static Remittance remittance(SourceText f, List<String> lines, int entryLine, EntryText e, String where,
                                         List<BuildError> errors) {
        if (e.carc() == null && e.rarc() == null) {
            return null;
        }
        if (!PolicyEntry.FINDING_KINDS.contains(e.kind())) {
            errors.add(keyAt(f, lines, entryLine, e.carc() != null ? "carc" : "rarc", where + ": carc/rarc apply only to "
                    + new java.util.TreeSet<>(PolicyEntry.FINDING_KINDS) + " entries (a " + e.kind()
                    + " entry acts through other rules, whose codes apply)"));
            return null;
        }
        if (e.carc() == null) {
            errors.add(keyAt(f, lines, entryLine, "rarc", where + ": rarc needs carc (e.g. carc: CO-97)"));
            return null;
        }
        try {
            return Remittance.of(e.carc(), e.rarc());
        } catch (IllegalArgumentException ex) {
            String key = Remittance.aboutRarc(ex) ? "rarc" : "carc";
            errors.add(keyAt(f, lines, entryLine, key, where + ": " + key + ": " + ex.getMessage()));
            return null;
        }
    }

    /** The line of {@code key:} nearest the entry's id line, after it first (keys usually follow the id), else before. */
    private static BuildError keyAt(SourceText f, List<String> lines, int entryLine, String key, String message) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^([\\s-]*)" + key + "\\s*:");
        int start = Math.max(entryLine, 1) - 1;
        for (int i = start; i < lines.size(); i++) {
            if (i > start && lines.get(i).matches("\\s*-\\s*id:.*")) {
                break; // the next entry
            }
            java.util.regex.Matcher m = p.matcher(lines.get(i));
            if (m.find()) {
                return new BuildError(f.file(), i + 1, m.group(1).length() + 1, message);
            }
        }
        for (int i = start - 1; i >= 0; i--) {
            java.util.regex.Matcher m = p.matcher(lines.get(i));
            if (m.find()) {
                return new BuildError(f.file(), i + 1, m.group(1).length() + 1, message);
            }
        }
        return new BuildError(f.file(), entryLine, 0, message);
    }

    private interface Err {
        void add(String message);
    }

    private static void require(Err err, boolean ok, String message) {
        if (!ok) {
            err.add(message);
        }
    }

    private static Conditions conditions(SourceText f, ConditionsText c, String where, List<BuildError> errors) {
        if (c == null) {
            return Conditions.ANY;
        }
        List<DxRange> dx = new ArrayList<>();
        for (String d : c.diagnoses() == null ? List.<String>of() : c.diagnoses()) {
            try {
                dx.add(DxRange.parse(d));
            } catch (IllegalArgumentException ex) {
                errors.add(YamlErrors.near(f, d, where + ": " + ex.getMessage()));
            }
        }
        if (c.sex() != null && !Set.of("F", "M", "U").contains(c.sex())) {
            errors.add(YamlErrors.near(f, "sex:", where + ": sex must be F, M or U"));
        }
        if (c.minAge() != null && c.maxAge() != null && c.minAge() > c.maxAge()) {
            errors.add(YamlErrors.near(f, "minAge", where + ": minAge is above maxAge"));
        }
        for (String t : c.claimType() == null ? List.<String>of() : c.claimType()) {
            if (!Set.of("PROFESSIONAL", "INSTITUTIONAL", "DME").contains(t)) {
                errors.add(YamlErrors.near(f, t, where + ": claimType '" + t + "' is not PROFESSIONAL, INSTITUTIONAL or DME"));
            }
        }
        return new Conditions(list(c.placeOfService()), list(c.claimType()), list(c.providerNpi()), list(c.providerTin()),
                List.copyOf(dx), c.minAge(), c.maxAge(), c.sex());
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    private static List<CodeRange> ranges(SourceText f, List<String> texts, String where, List<BuildError> errors) {
        List<CodeRange> out = new ArrayList<>();
        for (String t : texts == null ? List.<String>of() : texts) {
            try {
                out.add(CodeRange.parse(t));
            } catch (IllegalArgumentException ex) {
                errors.add(YamlErrors.near(f, t, where + ": " + ex.getMessage()));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> modifiers(SourceText f, List<String> texts, String where, List<BuildError> errors) {
        List<String> out = new ArrayList<>();
        for (String m : texts == null ? List.<String>of() : texts) {
            if (m == null || !m.matches("[0-9A-Z]{2}")) {
                errors.add(YamlErrors.near(f, String.valueOf(m), where + ": '" + m + "' is not a modifier (two letters or digits)"));
            } else {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    private static void checkRange(SourceText f, Range r, String what, List<BuildError> errors) {
        if (r.from() != null && r.to() != null && r.from().isAfter(r.to())) {
            errors.add(YamlErrors.near(f, r.from().toString(), what + ": 'from' " + r.from() + " is after 'to' " + r.to()));
        }
    }

    /** An error about {@code key}'s value: at the first "key:" of the entry that starts at {@code entryLine}. */
    private static BuildError value(SourceText f, List<String> lines, int entryLine, String key, String message) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^[\\s-]*" + key + "\\s*:\\s*");
        for (int i = Math.max(entryLine - 1, 0); i < lines.size(); i++) {
            java.util.regex.Matcher m = p.matcher(lines.get(i));
            if (m.find()) {
                return new BuildError(f.file(), i + 1, m.end() + 1, message);
            }
        }
        return new BuildError(f.file(), entryLine, 0, message);
    }

    /** The line of "id: X" (1-based), so findings and errors can point at the entry. */
    private static int lineOf(List<String> lines, String id) {
        if (id == null) {
            return 0;
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.matches("\\s*-?\\s*id:\\s*['\"]?" + java.util.regex.Pattern.quote(id) + "['\"]?\\s*(#.*)?")) {
                return i + 1;
            }
        }
        return 0;
    }
}
