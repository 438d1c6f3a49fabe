package org.claimauditor.ncci;

/** The MUE for a code in one setting, with where it comes from. */
public record MueLimit(String code, int value, int mai, String maiText, String rationale, String table,
                       String version, String file, int line, String policySource) {

    /** A limit from an NCCI MUE table. */
    public MueLimit(String code, int value, int mai, String maiText, String rationale, String table, String version,
                    String file, int line) {
        this(code, value, mai, maiText, rationale, table, version, file, line, null);
    }

    public boolean lineEdit() {
        return mai == 1;
    }

    /** MAI 2 is an absolute policy limit; MAI 3 may be paid above the limit on appeal with documentation. */
    public boolean policyLimit() {
        return mai == 2;
    }

    /** More units than the limit allows over {@code days} days (the MUE is per day of service). */
    public boolean exceededBy(int units, int days) {
        return units > (long) value * Math.max(1, days);
    }

    /** Where the limit comes from: the NCCI table row, or the payer policy entry that overrides it. */
    public String source() {
        if (policySource != null) {
            return policySource + " (overrides the NCCI MUE)";
        }
        return "NCCI " + table + " MUE " + version + ": " + code + " = " + value + ", MAI " + maiText
                + ", rationale " + rationale + " (" + file + " line " + line + ")";
    }
}
