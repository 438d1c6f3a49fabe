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
        String c = Codes.normalizeDiagnosis(code);
        return prefix(c, from.length()).compareTo(from) >= 0 && prefix(c, to.length()).compareTo(to) <= 0;
    }

    private static String prefix(String code, int n) {
        return code.length() <= n ? code : code.substring(0, n);
    }
}
