package org.claimauditor.pipeline.source.csv;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Claim.ClaimType;
import org.claimauditor.claim.Claim.Sex;
import org.claimauditor.pipeline.source.Values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The rows of one claim to a {@link Claim}: claim columns from the first row (a later row may leave them empty,
 * but may not contradict them), one service line per row. Lists ({@code diagnoses}, {@code modifiers},
 * {@code diagnosisPointers}) are separated by {@code ;}, as in the reports' CSV files.
 */
final class CsvClaimMapper {

    private CsvClaimMapper() { }

    /** A cell that cannot be read, pinned to its line and column. */
    static final class BadCell extends Exception {
        final int line;

        BadCell(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /**
     * @param hasLineNumbers whether the header has a {@code lineNumber} column; without it lines are numbered by
     *                       their row's position in the claim (1, 2, …)
     */
    static Claim claim(List<CsvClaimReader.Row> rows, boolean hasLineNumbers) throws BadCell {
        CsvClaimReader.Row first = rows.get(0);
        for (CsvClaimReader.Row r : rows) {
            if (r.problem() != null) {
                throw new BadCell(r.line(), r.problem());
            }
            for (CsvColumn c : CsvColumn.values()) {
                String v = r.get(c);
                if (!c.line && v != null && first.get(c) != null && !v.equals(first.get(c))) {
                    throw new BadCell(r.line(), "column '" + c.header + "': '" + v + "' differs from '" + first.get(c)
                            + "' on line " + first.line() + ", the claim's first row (claim columns must repeat the same "
                            + "value or be empty)");
                }
            }
        }
        Claim.Patient patient = any(first, CsvColumn.PATIENT_ID, CsvColumn.PATIENT_BIRTH_DATE, CsvColumn.PATIENT_SEX)
                ? new Claim.Patient(first.get(CsvColumn.PATIENT_ID), date(first, CsvColumn.PATIENT_BIRTH_DATE),
                        choice(first, CsvColumn.PATIENT_SEX, Sex.class))
                : null;
        Claim.Provider billing = any(first, CsvColumn.BILLING_NPI, CsvColumn.BILLING_TIN, CsvColumn.BILLING_TAXONOMY)
                ? new Claim.Provider(first.get(CsvColumn.BILLING_NPI), first.get(CsvColumn.BILLING_TIN),
                first.get(CsvColumn.BILLING_TAXONOMY)) : null;
        Claim.Provider rendering = any(first, CsvColumn.RENDERING_NPI, CsvColumn.RENDERING_TIN)
                ? new Claim.Provider(first.get(CsvColumn.RENDERING_NPI), first.get(CsvColumn.RENDERING_TIN)) : null;
        List<Claim.ServiceLine> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CsvClaimReader.Row r = rows.get(i);
            Integer lineNumber = hasLineNumbers ? whole(r, CsvColumn.LINE_NUMBER) : Integer.valueOf(i + 1);
            lines.add(new Claim.ServiceLine(lineNumber, date(r, CsvColumn.SERVICE_DATE), date(r, CsvColumn.SERVICE_DATE_TO),
                    r.get(CsvColumn.PROCEDURE_CODE), list(r, CsvColumn.MODIFIERS), whole(r, CsvColumn.UNITS),
                    charge(r), pointers(r), r.get(CsvColumn.LINE_RENDERING_NPI), r.get(CsvColumn.LINE_PLACE_OF_SERVICE)));
        }
        return new Claim(first.get(CsvColumn.CLAIM_ID), choice(first, CsvColumn.CLAIM_TYPE, ClaimType.class),
                first.get(CsvColumn.PAYER_ID), patient, billing, rendering, first.get(CsvColumn.PLACE_OF_SERVICE),
                date(first, CsvColumn.RECEIVED_DATE), list(first, CsvColumn.DIAGNOSES), lines);
    }

    private static boolean any(CsvClaimReader.Row r, CsvColumn... columns) {
        return Arrays.stream(columns).anyMatch(c -> r.get(c) != null);
    }

    private static List<String> list(CsvClaimReader.Row r, CsvColumn c) {
        String v = r.get(c);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Integer> pointers(CsvClaimReader.Row r) throws BadCell {
        List<Integer> out = new ArrayList<>();
        for (String p : list(r, CsvColumn.DIAGNOSIS_POINTERS)) {
            out.add(parse(r, CsvColumn.DIAGNOSIS_POINTERS, p, t -> Values.whole(Values.number(t))));
        }
        return out;
    }

    private static Integer whole(CsvClaimReader.Row r, CsvColumn c) throws BadCell {
        String v = r.get(c);
        return v == null ? null : parse(r, c, v, t -> Values.whole(Values.number(t)));
    }

    private static BigDecimal charge(CsvClaimReader.Row r) throws BadCell {
        String v = r.get(CsvColumn.CHARGE);
        return v == null ? null : parse(r, CsvColumn.CHARGE, v, t -> Values.charge(Values.number(t)));
    }

    private static LocalDate date(CsvClaimReader.Row r, CsvColumn c) throws BadCell {
        String v = r.get(c);
        return v == null ? null : parse(r, c, v, Values::date);
    }

    /** An enum value in any case: {@code professional} is PROFESSIONAL. */
    private static <E extends Enum<E>> E choice(CsvClaimReader.Row r, CsvColumn c, Class<E> type) throws BadCell {
        String v = r.get(c);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new BadCell(r.line(), "column '" + c.header + "': '" + v + "' is not one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    private static <T> T parse(CsvClaimReader.Row r, CsvColumn c, String v, Function<String, T> f) throws BadCell {
        try {
            return f.apply(v);
        } catch (IllegalArgumentException e) {
            throw new BadCell(r.line(), "column '" + c.header + "': " + e.getMessage());
        }
    }
}
