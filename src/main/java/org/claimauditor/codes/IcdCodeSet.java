package org.claimauditor.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;

/** ICD-10-CM codes by fiscal year, as loaded from order files. */
final class IcdCodeSet {

    /** One fiscal year; {@code partial} when it was loaded only from excerpts. */
    record Year(int fiscalYear, List<String> files, boolean partial, NavigableMap<String, IcdCode> codes) {
        long billable() {
            return codes.values().stream().filter(IcdCode::billable).count();
        }
    }

    private static final int CODES_UNDER_HEADER = 5;

    private final NavigableMap<Integer, Year> years;

    IcdCodeSet(NavigableMap<Integer, Year> years) {
        this.years = years;
    }

    boolean isEmpty() {
        return years.isEmpty();
    }

    List<Integer> fiscalYears() {
        return List.copyOf(years.keySet());
    }

    Optional<IcdCode> find(String code, int fiscalYear) {
        Year y = years.get(fiscalYear);
        return y == null ? Optional.empty() : Optional.ofNullable(y.codes().get(CodeFileText.normalise(code)));
    }

    IcdStatus status(String rawCode, LocalDate dos) {
        Objects.requireNonNull(dos, "date of service");
        String code = CodeFileText.normalise(rawCode);
        int fy = IcdCode.fiscalYearOf(dos);
        List<Integer> billableIn = new ArrayList<>();
        for (Year y : years.values()) {
            IcdCode c = y.codes().get(code);
            if (c != null && c.billable()) {
                billableIn.add(y.fiscalYear());
            }
        }
        List<Integer> loaded = fiscalYears();
        Year year = years.get(fy);
        if (year == null) {
            return new IcdStatus(IcdStatus.Status.NOT_COVERED, code, dos, fy, null, billableIn, List.of(), loaded,
                    "no ICD-10-CM order file loaded for FY" + fy);
        }
        IcdCode c = year.codes().get(code);
        if (c != null && c.billable()) {
            return new IcdStatus(IcdStatus.Status.VALID, code, dos, fy, c.longTitle(), billableIn, List.of(), loaded,
                    source(c));
        }
        if (c != null) {
            List<String> under = year.codes().subMap(code, false, code + Character.MAX_VALUE, false).values().stream()
                    .filter(IcdCode::billable).limit(CODES_UNDER_HEADER).map(IcdCode::code).toList();
            return new IcdStatus(IcdStatus.Status.HEADER, code, dos, fy, c.longTitle(), billableIn, under, loaded,
                    source(c));
        }
        String files = "ICD-10-CM FY" + fy + " order file " + String.join(", ", year.files());
        return new IcdStatus(year.partial() ? IcdStatus.Status.NOT_COVERED : IcdStatus.Status.NOT_IN_YEAR, code, dos,
                fy, null, billableIn, List.of(), loaded, files);
    }

    List<String> describe() {
        if (years.isEmpty()) {
            return List.of("ICD-10-CM: no order file loaded, shape checks only");
        }
        List<String> out = new ArrayList<>();
        for (Year y : years.values()) {
            out.add("ICD-10-CM FY" + y.fiscalYear() + " order file" + (y.partial() ? " excerpt" : "") + " ("
                    + y.codes().size() + " codes, " + y.billable() + " billable; " + String.join(", ", y.files())
                    + (y.partial() ? "; codes not in the excerpt are checked for shape only" : "") + ")");
        }
        return out;
    }

    private static String source(IcdCode c) {
        return "ICD-10-CM FY" + c.fiscalYear() + " order file " + c.file() + " line " + c.line();
    }
}
