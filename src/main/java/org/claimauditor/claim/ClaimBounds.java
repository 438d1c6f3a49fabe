package org.claimauditor.claim;

import com.fasterxml.jackson.databind.JsonNode;
import org.claimauditor.engine.Limits;

import java.math.BigDecimal;

/**
 * Read-time bounds on a claim's JSON, checked before it is mapped: values that cannot be represented sanely
 * ({@code 1e999999999}, 999-digit numbers, units beyond an int) and claims past the limits would otherwise break
 * arithmetic, reports or memory far from where they came in. Plausible but wrong values (a negative or $5M
 * charge) are not refused here: CLAIM_DATA rules report them as findings.
 */
public final class ClaimBounds {

    /** Charges are below 10^12 dollars in absolute value, in whole cents. */
    public static final int CHARGE_INTEGER_DIGITS = 12;
    public static final int CHARGE_DECIMALS = 2;
    /** Longer numbers in text are refused before they are converted (conversion is superlinear in length). */
    private static final int MAX_NUMBER_TEXT = 40;

    private ClaimBounds() { }

    /** The first problem as "$.path: what is wrong", or null when the claim is within bounds. */
    static String check(JsonNode claim, Limits limits) {
        JsonNode lines = claim.path("lines");
        if (!lines.isArray()) {
            return null;
        }
        if (lines.size() > limits.maxLinesPerClaim()) {
            return "$.lines: " + lines.size() + " service lines, more than the limit of " + limits.maxLinesPerClaim()
                    + " per claim (auditor.limits.max-lines-per-claim)";
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String at = "$.lines[" + i + "].";
            String problem = charge(line.get("charge"), at + "charge");
            if (problem == null) {
                problem = whole(line.get("units"), at + "units");
            }
            if (problem == null) {
                problem = whole(line.get("lineNumber"), at + "lineNumber");
            }
            JsonNode pointers = line.path("diagnosisPointers");
            for (int p = 0; problem == null && pointers.isArray() && p < pointers.size(); p++) {
                problem = whole(pointers.get(p), at + "diagnosisPointers[" + p + "]");
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String charge(JsonNode n, String path) {
        BigDecimal d = decimal(n);
        if (d == null) {
            return null;
        }
        boolean tooLarge = d == TOO_LONG || (long) d.precision() - d.scale() > CHARGE_INTEGER_DIGITS;
        boolean tooFine = !tooLarge && d.scale() > CHARGE_DECIMALS && d.stripTrailingZeros().scale() > CHARGE_DECIMALS;
        if (tooLarge || tooFine) {
            return path + ": " + shown(n) + " is not a charge this auditor can represent: a charge must be below"
                    + " 1,000,000,000,000 in absolute value with at most " + CHARGE_DECIMALS + " decimals";
        }
        return null;
    }

    private static String whole(JsonNode n, String path) {
        BigDecimal d = decimal(n);
        if (d == null || d != TOO_LONG && n.isIntegralNumber() && n.canConvertToInt()) {
            return null;
        }
        if (d != TOO_LONG && n.isTextual() && (long) d.precision() - d.scale() <= 10) {
            return null; // a short text number: the mapper's own message names the type
        }
        if (d != TOO_LONG && n.isFloatingPointNumber() && (long) d.precision() - d.scale() <= 10) {
            return null;
        }
        return path + ": " + shown(n) + " is out of range: expected a whole number from " + Integer.MIN_VALUE
                + " to " + Integer.MAX_VALUE;
    }

    private static final BigDecimal TOO_LONG = new BigDecimal(0);

    /** The node's number (also a number given as text), TOO_LONG for text too long to convert, else null. */
    private static BigDecimal decimal(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            String t = n.textValue().strip();
            if (t.length() > MAX_NUMBER_TEXT) {
                return t.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')
                        ? TOO_LONG : null;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null; // not a number: the mapper reports the wrong type
            }
        }
        return null;
    }

    private static String shown(JsonNode n) {
        String t = n.isTextual() ? n.textValue() : n.isBigDecimal() ? n.decimalValue().toString() : n.asText();
        return t.length() <= 24 ? t : "a " + t.length() + "-character number";
    }
}
