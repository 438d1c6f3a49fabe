package org.claimauditor.codes;

import org.claimauditor.claim.Codes;

/**
 * An ICD-10-CM range of code prefixes, e.g. {@code O00-O9A} (categories O00 to O9A and every code under them)
 * or {@code D07.4-D07.6}. A code is in the range when its prefix of each end's length lies between the ends.
 */
public record DxRange(String from, String to) {

    public static DxRange parse(String text) {
        String t = text.strip();
        int dash = t.indexOf('-');
        String from = Codes.normalizeDiagnosis(dash < 0 ? t : t.substring(0, dash));
        String to = Codes.normalizeDiagnosis(dash < 0 ? t : t.substring(dash + 1));
        if (!Codes.isIcd10CmShape(from) || !Codes.isIcd10CmShape(to) || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("'" + text + "' is not an ICD-10-CM code or range (low-high)");
        }
        return new DxRange(from, to);
    }

    public boolean contains(String code) {
        if (code == null) {
            return false;
        }
        String c = normalized(code) ? code : Codes.normalizeDiagnosis(code);
        return comparePrefix(c, from) >= 0 && comparePrefix(c, to) <= 0;
    }

    /** Whether the code is already as {@link Codes#normalizeDiagnosis} makes it (the rules pass normalised codes). */
    private static boolean normalized(String code) {
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The code's prefix of the bound's length compared with the bound, as String.compareTo would (no substring). */
    private static int comparePrefix(String code, String bound) {
        int n = Math.min(code.length(), bound.length());
        for (int i = 0; i < n; i++) {
            int d = code.charAt(i) - bound.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return Math.min(code.length(), bound.length()) - bound.length();
    }
}
