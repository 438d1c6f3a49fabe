package org.claimauditor.pipeline.source;

import java.util.regex.Pattern;

/**
 * One X12 segment as it stands in the file.
 *
 * @param number     1-based position in the file (ISA is segment 1), the number errors are pinned to
 * @param text       the segment without its terminator, e.g. {@code SV1*HC:99213*125*UN*1***1}
 * @param terminated false for a last segment the file ends inside of (a truncated file)
 */
record X12Segment(int number, String text, boolean terminated) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]{1,2}");

    /** The segment id (ISA, CLM, SV1), the text before the first element separator. */
    String id(char elementSeparator) {
        int cut = text.indexOf(elementSeparator);
        return cut < 0 ? text : text.substring(0, cut);
    }

    /** Whether the text starts with a well-formed segment id (2-3 capitals and digits). */
    boolean hasValidId(char elementSeparator) {
        return ID.matcher(id(elementSeparator)).matches();
    }

    /** Element {@code n} (1-based, as in SV1-04), or "" when the segment is shorter. */
    String element(char elementSeparator, int n) {
        String[] parts = text.split(Pattern.quote(String.valueOf(elementSeparator)), -1);
        return n < parts.length ? parts[n] : "";
    }
}
