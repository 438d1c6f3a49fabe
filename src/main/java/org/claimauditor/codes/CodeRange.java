package org.claimauditor.codes;

import org.claimauditor.claim.Codes;

/**
 * A single code or an inclusive range like {@code 99202-99215} or {@code 0001U-0222U}. Both ends must have the
 * same shape (length and letter positions), so a string comparison orders them the way code books do.
 */
public record CodeRange(String from, String to) {

    public static CodeRange parse(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        int dash = t.indexOf('-');
        String from = dash < 0 ? t : t.substring(0, dash).strip();
        String to = dash < 0 ? t : t.substring(dash + 1).strip();
        if (!Codes.isProcedureCode(from) || !Codes.isProcedureCode(to)) {
            throw new IllegalArgumentException("'" + text + "' is not a CPT/HCPCS code or code range");
        }
        if (!sameShape(from, to) || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("'" + text + "' is not a range: both ends need the same shape, low to high");
        }
        return new CodeRange(from, to);
    }

    public boolean contains(String code) {
        return code != null && code.length() == from.length() && sameShape(code, from)
                && from.compareTo(code) <= 0 && code.compareTo(to) <= 0;
    }

    private static boolean sameShape(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (Character.isDigit(a.charAt(i)) != Character.isDigit(b.charAt(i))
                    || (!Character.isDigit(a.charAt(i)) && a.charAt(i) != b.charAt(i) && i > 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return from.equals(to) ? from : from + "-" + to;
    }
}
