package org.claimauditor.claim;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shape checks for the code sets a claim uses (see DOMAIN.md "Code shapes") and the NPI check digit. CPT also
 * has 4 digits + A (vaccine administration, e.g. 0001A) and + M (MAAA, e.g. 0002M): both appear in CMS's NCCI
 * tables, so they are accepted with Category II (F), Category III (T) and PLA (U) codes.
 */
public final class Codes {

    private static final Pattern CPT = Pattern.compile("\\d{5}|\\d{4}[FTUAM]");
    private static final Pattern HCPCS_II = Pattern.compile("[A-V]\\d{4}");
    private static final Pattern ICD10CM = Pattern.compile("[A-Z]\\d[A-Z0-9][A-Z0-9]{0,4}");
    private static final Pattern NPI = Pattern.compile("\\d{10}");

    private Codes() { }

    public static boolean isCpt(String code) {
        return code != null && CPT.matcher(code).matches();
    }

    public static boolean isHcpcsLevel2(String code) {
        return code != null && HCPCS_II.matcher(code).matches();
    }

    public static boolean isProcedureCode(String code) {
        return isCpt(code) || isHcpcsLevel2(code);
    }

    /** ICD-10-CM diagnosis without its optional dot, upper case: "e11.9" becomes "E119". */
    public static String normalizeDiagnosis(String code) {
        return code == null ? null : code.strip().replace(".", "").toUpperCase(Locale.ROOT);
    }

    /** Letter, digit, alphanumeric, then up to four more; a dot, if present, must follow the third character. */
    public static boolean isIcd10CmShape(String code) {
        if (code == null) {
            return false;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        int dot = c.indexOf('.');
        if (dot >= 0 && (dot != 3 || c.indexOf('.', dot + 1) >= 0 || c.length() == 4)) {
            return false;
        }
        return ICD10CM.matcher(c.replace(".", "")).matches();
    }

    /**
     * NPI check digit: Luhn over the 9-digit identifier prefixed with 80840 (the card issuer prefix
     * for US health), as specified by CMS for the NPI standard.
     */
    public static boolean isValidNpi(String npi) {
        if (npi == null || !NPI.matcher(npi).matches()) {
            return false;
        }
        return npiCheckDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit of a 9-digit NPI identifier: Luhn over "80840" + the identifier. */
    public static int npiCheckDigit(String nineDigits) {
        String digits = "80840" + nineDigits;
        int sum = 0;
        boolean dbl = true; // rightmost digit of the payload is doubled, the check digit is excluded
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - (sum % 10)) % 10;
    }
}
