package org.claimauditor.ncci;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One MUE table (practitioner, outpatient hospital or DME supplier); rows carry no dates, the table is the quarter's. */
public final class MueTable {

    private final String name;
    private final String version;
    private final List<String> files;
    private final Map<String, MueLimit> byCode;

    private MueTable(String name, String version, List<String> files, Map<String, MueLimit> byCode) {
        this.name = name;
        this.version = version;
        this.files = List.copyOf(files);
        this.byCode = Map.copyOf(byCode);
    }

    public String name() { return name; }
    public String version() { return version; }
    public int size() { return byCode.size(); }
    public List<String> files() { return files; }

    public MueLimit find(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** Builds from rows; a code listed twice keeps its first row and reports the second. */
    public static MueTable of(String name, String version, List<String> files, List<MueRow> rows,
                              List<ReadProblem> problems) {
        Map<String, MueLimit> byCode = new HashMap<>();
        for (MueRow r : rows) {
            MueLimit limit = new MueLimit(r.code(), r.value(), r.mai(), r.maiText(), r.rationale(), name, version, r.file(), r.line());
            MueLimit before = byCode.putIfAbsent(r.code(), limit);
            if (before != null) {
                problems.add(new ReadProblem(r.file(), r.line(), "code " + r.code() + " already listed at line " + before.line()));
            }
        }
        return new MueTable(name, version, files, byCode);
    }
}
