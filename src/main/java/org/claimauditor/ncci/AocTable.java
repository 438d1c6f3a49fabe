package org.claimauditor.ncci;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The add-on code table of a quarter, indexed by add-on code; rows are in force between their Julian effective and deletion dates. */
public final class AocTable {

    private final String version;
    private final QuarterPeriod period;
    private final String quarter;
    private final List<String> files;
    private final Map<String, List<AocRow>> byAddOn;
    private final int size;

    private AocTable(String version, QuarterPeriod period, List<String> files, Map<String, List<AocRow>> byAddOn, int size) {
        this.version = version;
        this.period = period;
        this.quarter = period == null ? version : version + " (" + period + ")";
        this.files = List.copyOf(files);
        this.byAddOn = byAddOn;
        this.size = size;
    }

    public String version() { return version; }
    /** The calendar quarter of the workbook: the dates of service it applies to. */
    public QuarterPeriod period() { return period; }
    public int size() { return size; }
    public List<String> files() { return files; }

    public static AocTable of(String version, QuarterPeriod period, List<String> files, List<AocRow> rows) {
        Map<String, List<AocRow>> byAddOn = new HashMap<>();
        for (AocRow r : rows) {
            byAddOn.computeIfAbsent(r.addOnCode(), k -> new ArrayList<>()).add(r);
        }
        byAddOn.replaceAll((k, v) -> List.copyOf(v));
        return new AocTable(version, period, files, Map.copyOf(byAddOn), rows.size());
    }

    /**
     * The add-on edit for {@code code} on {@code dos}, or null when the code is not an add-on code then.
     * {@code payerPrimaries} are primaries a payer policy defines (used for edit types 2 and 3).
     */
    /** Whether the table has any row for {@code code} as an add-on code (in force or not). */
    public boolean lists(String code) {
        return code != null && byAddOn.containsKey(code);
    }

    public AddOnEdit find(String code, LocalDate dos, List<org.claimauditor.codes.CodeRange> payerPrimaries, String payerSource) {
        List<AocRow> rows = code == null || dos == null ? null : byAddOn.get(code);
        if (rows == null) {
            return null;
        }
        Set<String> primaries = new LinkedHashSet<>();
        List<Integer> rowNumbers = new ArrayList<>();
        int type = 0;
        boolean contractor = false;
        String file = null;
        for (AocRow r : rows) {
            if (!inForce(r.effective(), r.deletion(), dos) || !inForce(null, r.addOnDeletion(), dos)) {
                continue;
            }
            type = Math.max(type, r.editType());
            file = r.file();
            rowNumbers.add(r.row());
            if (AocRow.CONTRACTOR_DEFINED.equals(r.primaryCode())) {
                contractor = true;
            } else if (inForce(null, r.primaryDeletion(), dos)) {
                primaries.add(r.primaryCode());
            }
        }
        if (type == 0) {
            return null;
        }
        return new AddOnEdit(code, type, dos, Set.copyOf(primaries), contractor || type != 1,
                payerPrimaries == null ? List.of() : List.copyOf(payerPrimaries), payerSource,
                quarter, file,
                List.copyOf(rowNumbers));
    }

    /** In force on {@code dos}: effective on or before it (null = always) and not deleted before it (null = never). */
    private static boolean inForce(LocalDate effective, LocalDate deletion, LocalDate dos) {
        return (effective == null || !effective.isAfter(dos)) && (deletion == null || !deletion.isBefore(dos));
    }
}
