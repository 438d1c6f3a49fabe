package org.claimauditor.ncci;

/**
 * Packs a 5-character CPT/HCPCS code into an int (base 36), so a PTP pair is one long and a full quarter of
 * ~2 million pairs fits in a few primitive arrays instead of millions of String objects.
 */
final class CodeKey {

    private CodeKey() { }

    /** The packed code, or -1 when the text is not 5 characters of 0-9 / A-Z. */
    static int of(String code) {
        if (code == null || code.length() != 5) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 5; i++) {
            char c = code.charAt(i);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                d = c - 'A' + 10;
            } else {
                return -1;
            }
            v = v * 36 + d;
        }
        return v;
    }

    static long pair(int column1, int column2) {
        return ((long) column1 << 32) | (column2 & 0xffffffffL);
    }

    static String text(int key) {
        char[] c = new char[5];
        for (int i = 4; i >= 0; i--) {
            int d = key % 36;
            c[i] = (char) (d < 10 ? '0' + d : 'A' + d - 10);
            key /= 36;
        }
        return new String(c);
    }
}
