package org.claimauditor.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** HCPCS Level II codes and modifiers by release, each release trusted for its coverage window only. */
final class HcpcsCodeSet {

    /** One release; {@code partial} when it was loaded only from excerpts. */
    record Release(HcpcsRelease release, List<String> files, boolean partial, Map<String, HcpcsRecord> codes,
                   Map<String, HcpcsRecord> modifiers) {
        String name() {
            return "HCPCS Level II " + release.label() + " alpha-numeric file" + (partial ? " excerpt" : "");
        }
    }

    private final List<Release> newestFirst;

    HcpcsCodeSet(List<Release> newestFirst) {
        this.newestFirst = List.copyOf(newestFirst);
    }

    boolean isEmpty() {
        return newestFirst.isEmpty();
    }

    HcpcsStatus code(String rawCode, LocalDate dos) {
        return lookup(rawCode, dos, false);
    }

    HcpcsStatus modifier(String rawCode, LocalDate dos) {
        return lookup(rawCode, dos, true);
    }

    /** In any loaded release, whatever its dates: a modifier that CMS has defined at some time. */
    boolean isKnownModifier(String modifier) {
        String m = CodeFileText.normalise(modifier);
        return newestFirst.stream().anyMatch(r -> r.modifiers().containsKey(m));
    }

    /** A complete (not excerpt) release with modifiers is loaded, so a modifier missing from all is unknown. */
    boolean hasModifierList() {
        return newestFirst.stream().anyMatch(r -> !r.partial() && !r.modifiers().isEmpty());
    }

    private HcpcsStatus lookup(String rawCode, LocalDate dos, boolean modifier) {
        Objects.requireNonNull(dos, "date of service");
        String code = CodeFileText.normalise(rawCode);
        String system = modifier ? "HCPCS Level II modifier" : "HCPCS Level II";
        if (newestFirst.isEmpty()) {
            return notCovered(system, code, dos, "no HCPCS Level II alpha-numeric file loaded");
        }
        List<Release> covering = newestFirst.stream().filter(r -> r.release().covers(dos)).toList();
        if (covering.isEmpty()) {
            return notCovered(system, code, dos, "no loaded HCPCS Level II file covers " + dos + " (loaded: "
                    + newestFirst.stream().map(r -> r.release().label() + " for " + r.release().coverageStart()
                    + " to " + r.release().coverageEnd()).collect(Collectors.joining("; ")) + ")");
        }
        // Newest first: a later release knows the later additions and terminations.
        for (Release r : covering) {
            HcpcsRecord rec = (modifier ? r.modifiers() : r.codes()).get(code);
            if (rec != null) {
                return judge(system, rec, dos, r);
            }
        }
        for (Release r : covering) {
            if (!r.partial()) {
                return new HcpcsStatus(HcpcsStatus.Status.UNKNOWN, system, code, dos, null, null, null,
                        "the " + r.name() + " (" + String.join(", ", r.files()) + ")");
            }
        }
        return notCovered(system, code, dos, "it is not in the loaded " + covering.get(0).name() + " ("
                + String.join(", ", covering.get(0).files()) + ")");
    }

    private static HcpcsStatus judge(String system, HcpcsRecord rec, LocalDate dos, Release r) {
        HcpcsStatus.Status status;
        LocalDate from = rec.validFrom();
        if (from != null && dos.isBefore(from)) {
            status = HcpcsStatus.Status.NOT_YET_EFFECTIVE;
        } else if (rec.terminationDate() != null && dos.isAfter(rec.terminationDate())) {
            status = HcpcsStatus.Status.TERMINATED;
        } else {
            status = HcpcsStatus.Status.VALID;
        }
        return new HcpcsStatus(status, system, rec.code(), dos, from, rec.terminationDate(), rec.shortDescription(),
                r.name() + " " + rec.file() + " line " + rec.line());
    }

    private static HcpcsStatus notCovered(String system, String code, LocalDate dos, String why) {
        return new HcpcsStatus(HcpcsStatus.Status.NOT_COVERED, system, code, dos, null, null, null, why);
    }

    List<String> describe() {
        if (newestFirst.isEmpty()) {
            return List.of("HCPCS Level II: no alpha-numeric file loaded, shape checks only");
        }
        List<String> out = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) { // oldest first, like the ICD-10-CM lines
            Release r = newestFirst.get(i);
            out.add(r.name() + " (" + r.codes().size() + " codes, " + r.modifiers().size() + " modifiers; dates of "
                    + "service " + r.release().coverageStart() + " to " + r.release().coverageEnd() + "; "
                    + String.join(", ", r.files())
                    + (r.partial() ? "; codes not in the excerpt are checked for shape only" : "") + ")");
        }
        return out;
    }
}
