package org.claimauditor.codes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/** Text helpers shared by the code-set readers. */
final class CodeFileText {

    /** CMS and CDC publish their text files in a Windows code page; the 2019 HCPCS notice holds 0xA0 bytes. */
    static final Charset CP1252 = Charset.forName("windows-1252");

    private CodeFileText() { }

    /**
     * Field {@code from}..{@code to} (1-based, inclusive; {@code to} past the end = to the end) of a line read as
     * ISO-8859-1, so that positions are byte positions as the fixed-width layouts define them. The slice is then
     * decoded as UTF-8 when it is valid UTF-8, else as Windows-1252, and trimmed.
     */
    static String field(String latin1Line, int from, int to) {
        int start = Math.min(from - 1, latin1Line.length());
        int end = Math.min(to, latin1Line.length());
        return start >= end ? "" : decode(latin1Line.substring(start, end).getBytes(StandardCharsets.ISO_8859_1)).trim();
    }

    /** UTF-8 when the bytes are valid UTF-8 (byte order mark dropped), else Windows-1252. */
    static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, CP1252);
        }
    }

    /** The whole stream as text (see {@link #decode}); code-set CSVs are a few MB at most. */
    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return decode(out.toByteArray());
    }

    /** YYYYMMDD; null when blank. */
    static LocalDate basicDate(String s) {
        String t = s == null ? "" : s.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (!t.matches("\\d{8}")) {
            throw new DateTimeException("'" + t + "' is not a YYYYMMDD date");
        }
        return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                Integer.parseInt(t.substring(6, 8)));
    }

    /** YYYY-MM-DD or YYYYMMDD; null when blank. */
    static LocalDate isoOrBasicDate(String s) {
        String t = s == null ? "" : s.trim();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(t);
        }
        if (t.isEmpty() || t.matches("\\d{8}")) {
            return basicDate(t);
        }
        throw new DateTimeException("'" + t + "' is not a YYYY-MM-DD or YYYYMMDD date");
    }

    /**
     * A file whose name says it is an excerpt ("icd10cm_order_2026.excerpt.txt") holds only part of the code set:
     * a code missing from it proves nothing, so look-ups answer "not covered" instead of "invalid".
     */
    static boolean isExcerpt(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('!')) + 1);
        return base.toLowerCase(Locale.ROOT).contains("excerpt");
    }

    /** Upper case, no blanks, no dots: "m54.50 " → "M5450". */
    static String normalise(String code) {
        return code == null ? "" : code.trim().replace(".", "").toUpperCase(Locale.ROOT);
    }
}
