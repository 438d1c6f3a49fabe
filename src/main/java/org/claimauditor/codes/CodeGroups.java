package org.claimauditor.codes;

import org.claimauditor.engine.BuildError;
import org.claimauditor.engine.RuleSnapshot;
import org.claimauditor.engine.SourceText;
import org.claimauditor.engine.YamlErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named groups of procedure codes (E/M, laboratory, …) and the list of CPT modifiers, read from
 * {@code rules/data/code-groups.yaml} so rules say "an E/M code" without a code list inside the DRL.
 * Loaded and reloaded with the rules.
 */
public final class CodeGroups {

    public static final String FILE_NAME = "code-groups.yaml";
    public static final CodeGroups NONE = new CodeGroups(Map.of(), Set.of(), null);

    record GroupEntry(String description, String source, List<String> codes) { }

    record ModifierEntry(String source, List<String> codes) { }

    record File(Map<String, GroupEntry> groups, ModifierEntry cptModifiers) { }

    /** A named group of codes with where the list comes from; answers are memoised (rules ask per line, often). */
    public record Group(String name, String description, String source, List<CodeRange> ranges,
                        java.util.concurrent.ConcurrentHashMap<String, Boolean> seen) {
        public Group(String name, String description, String source, List<CodeRange> ranges) {
            this(name, description, source, ranges, new java.util.concurrent.ConcurrentHashMap<>());
        }

        public boolean contains(String code) {
            if (code == null) {
                return false;
            }
            return seen.computeIfAbsent(code, c -> {
                for (CodeRange r : ranges) {
                    if (r.contains(c)) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    private final Map<String, Group> groups;
    private final Set<String> cptModifiers;
    private final String file;

    private CodeGroups(Map<String, Group> groups, Set<String> cptModifiers, String file) {
        this.groups = groups;
        this.cptModifiers = cptModifiers;
        this.file = file;
    }

    /** Whether {@code code} is in the named group; an unknown group name is a programming error in a rule. */
    public boolean in(String group, String code) {
        Group g = groups.get(group);
        if (g == null) {
            throw new IllegalArgumentException("no code group '" + group + "' in " + file + " (known: " + groups.keySet() + ")");
        }
        return g.contains(code);
    }

    public Group group(String name) {
        return groups.get(name);
    }

    public Set<String> cptModifiers() {
        return cptModifiers;
    }

    public String file() {
        return file;
    }

    /** Reads {@code rules/data/FILE_NAME} from the snapshot being built; an absent file means no lists. */
    public static CodeGroups load(RuleSnapshot snapshot, List<BuildError> errors) {
        SourceText f = snapshot.text(RuleSnapshot.RULES + "data/" + FILE_NAME, errors);
        File parsed = YamlErrors.readIfPresent(f, File.class, errors);
        if (parsed == null) {
            return NONE;
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        if (parsed.groups() != null) {
            parsed.groups().forEach((name, g) -> {
                List<CodeRange> ranges = new ArrayList<>();
                for (String text : g.codes() == null ? List.<String>of() : g.codes()) {
                    try {
                        ranges.add(CodeRange.parse(text));
                    } catch (IllegalArgumentException e) {
                        errors.add(YamlErrors.near(f, text, "group " + name + ": " + e.getMessage()));
                    }
                }
                if (g.source() == null || g.source().isBlank()) {
                    errors.add(YamlErrors.near(f, name + ":", "group " + name + " needs a source"));
                }
                groups.put(name, new Group(name, g.description(), g.source(), List.copyOf(ranges)));
            });
        }
        Set<String> modifiers = parsed.cptModifiers() == null || parsed.cptModifiers().codes() == null
                ? Set.of() : Set.copyOf(parsed.cptModifiers().codes());
        return new CodeGroups(Map.copyOf(groups), modifiers, f.file());
    }


}
