package org.claimauditor.codes;

import org.claimauditor.engine.BuildError;
import org.claimauditor.engine.RuleSnapshot;
import org.claimauditor.engine.SourceText;
import org.claimauditor.engine.YamlErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The sex, age and manifestation edit lists of {@code rules/data/demographic-edits.yaml}, each with its source. */
public final class DemographicEdits {

    public static final String FILE_NAME = "demographic-edits.yaml";
    public static final DemographicEdits NONE = new DemographicEdits(List.of());
    private static final Set<String> KINDS = Set.of("sex-diagnosis", "sex-procedure", "age-diagnosis", "manifestation");

    record EntryText(String id, String kind, String sex, Integer minAge, Integer maxAge, List<String> codes, String source) { }

    record File(List<EntryText> edits) { }

    /** One edit list: its kind, the sex or age range it requires, its codes and where the list comes from. */
    public record Edit(String id, String kind, String sex, int minAge, int maxAge, List<DxRange> diagnoses,
                       List<CodeRange> procedures, String source) {

        public boolean coversDiagnosis(String code) {
            for (DxRange r : diagnoses) {
                if (r.contains(code)) {
                    return true;
                }
            }
            return false;
        }

        public boolean coversProcedure(String code) {
            for (CodeRange r : procedures) {
                if (r.contains(code)) {
                    return true;
                }
            }
            return false;
        }

        public String ageRange() {
            return minAge == maxAge ? "age " + minAge : "ages " + minAge + "-" + maxAge;
        }
    }

    private final List<Edit> edits;

    private DemographicEdits(List<Edit> edits) {
        this.edits = List.copyOf(edits);
    }

    public List<Edit> edits() {
        return edits;
    }

    /** Reads {@code rules/data/FILE_NAME} from the snapshot being built; an absent file means no lists. */
    public static DemographicEdits load(RuleSnapshot snapshot, List<BuildError> errors) {
        SourceText f = snapshot.text(RuleSnapshot.RULES + "data/" + FILE_NAME, errors);
        File parsed = YamlErrors.readIfPresent(f, File.class, errors);
        if (parsed == null) {
            return NONE;
        }
        List<Edit> edits = new ArrayList<>();
        for (EntryText e : parsed.edits() == null ? List.<EntryText>of() : parsed.edits()) {
            String where = "edit " + e.id();
            int before = errors.size();
            if (e.id() == null || e.kind() == null || !KINDS.contains(e.kind()) || e.source() == null || e.codes() == null) {
                errors.add(YamlErrors.near(f, e.id(), where + ": id, kind (one of " + KINDS + "), codes and source are required"));
                continue;
            }
            if (e.kind().startsWith("sex-") && !("F".equals(e.sex()) || "M".equals(e.sex()))) {
                errors.add(YamlErrors.near(f, e.id(), where + ": sex must be F or M"));
            }
            if (e.kind().startsWith("age-") && (e.minAge() == null || e.maxAge() == null || e.minAge() > e.maxAge())) {
                errors.add(YamlErrors.near(f, e.id(), where + ": minAge and maxAge are required, low to high"));
            }
            List<DxRange> dx = new ArrayList<>();
            List<CodeRange> proc = new ArrayList<>();
            for (String c : e.codes()) {
                try {
                    if ("sex-procedure".equals(e.kind())) {
                        proc.add(CodeRange.parse(c));
                    } else {
                        dx.add(DxRange.parse(c));
                    }
                } catch (IllegalArgumentException ex) {
                    errors.add(YamlErrors.near(f, c, where + ": " + ex.getMessage()));
                }
            }
            if (errors.size() == before) {
                edits.add(new Edit(e.id(), e.kind(), e.sex(), e.minAge() == null ? 0 : e.minAge(),
                        e.maxAge() == null ? 0 : e.maxAge(), List.copyOf(dx), List.copyOf(proc), e.source()));
            }
        }
        return new DemographicEdits(edits);
    }
}
