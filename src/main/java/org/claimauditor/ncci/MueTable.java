package org.claimauditor.ncci;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One MUE table (practitioner, outpatient hospital or DME supplier); rows carry no dates, the table is the quarter's. */
public final class MueTable {

    private final String name;
    private final String version;
    private final QuarterPeriod period;
    private final List<String> files;
    private final Map<String, MueLimit> byCode;

    private MueTable(String name, String version, QuarterPeriod period, List<String> files, Map<String, MueLimit> byCode) {
        this.name = name;
        this.version = version;
        this.period = period;
        this.files = List.copyOf(files);
        this.byCode = Map.copyOf(byCode);
    }

    public String name() { return name; }
    public String version() { return version; }
    /** The dates of service this file applies to: from its Eff date to the day before the next loaded file's. */
    public QuarterPeriod period() { return period; }
    public int size() { return byCode.size(); }
    public List<String> files() { return files; }

    public MueLimit find(String code) {
        return code == null ? null : byCode.get(code);
    }

    /**
     * Builds from the rows of one quarter's file(s); a code listed twice keeps its first row and reports the second
     * (the same code in files of other quarters is normal: each quarter is its own table).
     */
    public static MueTable of(String name, String version, QuarterPeriod period, List<String> files, List<MueRow> rows,
                              List<ReadProblem> problems) {
        Map<String, MueLimit> byCode = new HashMap<>();
        String quarter = period == null ? version : version + " (" + period + ")";
        for (MueRow r : rows) {
            MueLimit limit = new MueLimit(r.code(), r.value(), r.mai(), r.maiText(), r.rationale(), name, quarter, r.file(), r.line());
            MueLimit before = byCode.putIfAbsent(r.code(), limit);
            if (before != null) {
                problems.add(new ReadProblem(r.file(), r.line(), "code " + r.code() + " already listed at line " + before.line()));
            }
        }
        return new MueTable(name, version, period, files, byCode);
    }
}
