package org.claimauditor.pipeline.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The checks the JSON reader applies to numbers and dates, for formats that carry them as text (CSV) or as
 * unbounded decimals (FHIR): charges below 10^12 in whole cents, units and pointers within a 32-bit integer,
 * ISO dates. Each failure is an {@link IllegalArgumentException} whose message says what is wrong with the value;
 * the caller puts the place (file, line, column or FHIR path) in front.
 */
public final class Values {

    /** Longer numbers are refused before conversion, which is superlinear in length. */
    private static final int MAX_NUMBER_TEXT = 40;
    private static final int CHARGE_INTEGER_DIGITS = 12;
    private static final int CHARGE_DECIMALS = 2;

    private Values() { }

    /** A decimal number written as text. */
    public static BigDecimal number(String text) {
        String t = text.strip();
        if (t.length() > MAX_NUMBER_TEXT) {
            throw new IllegalArgumentException("a " + t.length() + "-character value is not a number this auditor reads");
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    /** A whole number within a Java int (units, line numbers, diagnosis pointers). */
    public static int whole(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new IllegalArgumentException("'" + d.toPlainString() + "' is not a whole number");
        }
        if (stripped.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || stripped.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + shown(d) + "' is out of range: expected a whole number from "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return stripped.intValueExact();
    }

    /** A charge: below 10^12 in absolute value, at most 2 decimals (as in the JSON reader). */
    public static BigDecimal charge(BigDecimal d) {
        boolean tooLarge = (long) d.precision() - d.scale() > CHARGE_INTEGER_DIGITS;
        boolean tooFine = !tooLarge && d.scale() > CHARGE_DECIMALS && d.stripTrailingZeros().scale() > CHARGE_DECIMALS;
        if (tooLarge || tooFine) {
            throw new IllegalArgumentException("'" + shown(d) + "' is not a charge this auditor can represent: a charge"
                    + " must be below 1,000,000,000,000 in absolute value with at most " + CHARGE_DECIMALS + " decimals");
        }
        return d;
    }

    /** An ISO date YYYY-MM-DD. */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date YYYY-MM-DD");
        }
    }

    private static String shown(BigDecimal d) {
        String t = d.toString();
        return t.length() <= 24 ? t : "a " + t.length() + "-character number";
    }
}
