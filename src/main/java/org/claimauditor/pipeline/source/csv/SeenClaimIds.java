package org.claimauditor.pipeline.source.csv;

/**
 * The claim ids of a CSV file seen so far, with the line each claim began on, so rows of a claim that turn up
 * again after other claims are caught. Kept as 64-bit hashes in open-addressing arrays (13 bytes a slot, 2 to 4
 * slots a claim: 26 to 52 MB for a million claims) rather than the strings, so a large extract does not hold every
 * id; two ids sharing a 64-bit FNV-1a hash (odds about 1 in 10^7 for 10^6 claims) would be reported as a repeat.
 */
final class SeenClaimIds {

    private long[] keys = new long[1 << 10];
    private int[] lines = new int[1 << 10];
    private boolean[] used = new boolean[1 << 10];
    private int size;

    /** Records {@code id} as beginning on {@code line}; returns the line it began on before, or 0 if new. */
    int firstLine(String id, int line) {
        if (size * 2 >= keys.length) {
            grow();
        }
        long h = hash(id);
        int mask = keys.length - 1;
        for (int i = (int) (h ^ h >>> 32) & mask; ; i = i + 1 & mask) {
            if (!used[i]) {
                used[i] = true;
                keys[i] = h;
                lines[i] = line;
                size++;
                return 0;
            }
            if (keys[i] == h) {
                return lines[i];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                long h = oldKeys[j];
                int i = (int) (h ^ h >>> 32) & mask;
                while (used[i]) {
                    i = i + 1 & mask;
                }
                used[i] = true;
                keys[i] = h;
                lines[i] = oldLines[j];
            }
        }
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h = (h ^ (c & 0xFF)) * 0x100000001b3L;
            h = (h ^ (c >>> 8)) * 0x100000001b3L;
        }
        return h;
    }
}
