package org.claimauditor.pipeline.source;

import org.claimauditor.engine.Limits;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads an X12 interchange one segment at a time, so a file of any size is never held whole (the x12-parser
 * library parses a whole input into one tree; {@link X12Claims} hands it one claim at a time instead). The
 * separators come from the fixed-width ISA segment: the element separator is its 4th character, the component
 * separator its 105th and the segment terminator its 106th. Line breaks after a terminator are ignored, and a
 * file may use a line break as its terminator.
 */
final class X12SegmentReader implements Closeable {

    static final int ISA_LENGTH = 106;

    /** The input does not begin with a readable ISA segment: not X12 at all. */
    static final class NotX12Exception extends Exception {
        NotX12Exception(String message) {
            super(message);
        }
    }

    /**
     * The rest of the file cannot be split into segments: no terminator within {@link Limits#X12_MAX_SEGMENT_CHARS},
     * or a line break inside a segment (X12 data has none: the file ends its segments with another character).
     */
    static final class UnsplittableException extends Exception {
        UnsplittableException(String message) {
            super(message);
        }
    }

    private final Reader in;
    private final char element;
    private final char component;
    private final char terminator;
    private final boolean lineBreakTerminator;
    private final String isaText;
    private int number;
    private boolean isaGiven;

    X12SegmentReader(InputStream raw) throws IOException, NotX12Exception {
        this.in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 16);
        int c = in.read();
        while (c == '\uFEFF' || (c >= 0 && Character.isWhitespace(c))) {
            c = in.read();
        }
        StringBuilder isa = new StringBuilder(ISA_LENGTH);
        while (c >= 0 && isa.length() < ISA_LENGTH) {
            isa.append((char) c);
            c = isa.length() < ISA_LENGTH ? in.read() : c;
        }
        if (isa.length() < 3 || !isa.substring(0, 3).equals("ISA")) {
            throw new NotX12Exception("not an X12 file: it does not begin with an ISA segment (it begins with '"
                    + printable(isa.substring(0, Math.min(isa.length(), 20))) + "')");
        }
        if (isa.length() < ISA_LENGTH) {
            throw new NotX12Exception("segment 1 (ISA): the file ends after " + isa.length()
                    + " characters; an ISA segment has " + ISA_LENGTH);
        }
        element = isa.charAt(3);
        component = isa.charAt(104);
        terminator = isa.charAt(105);
        String[] elements = isa.substring(0, ISA_LENGTH - 1).split(Pattern.quote(String.valueOf(element)), -1);
        if (elements.length != 17 || Character.isLetterOrDigit(element) || Character.isLetterOrDigit(component)
                || Character.isLetterOrDigit(terminator) || terminator == element || terminator == component) {
            throw new NotX12Exception("segment 1 (ISA): not a 106-character ISA segment with 16 elements and its "
                    + "separators (element '" + printable(String.valueOf(element)) + "', component '"
                    + printable(String.valueOf(component)) + "', segment terminator '"
                    + printable(String.valueOf(terminator)) + "')");
        }
        lineBreakTerminator = terminator == '\n' || terminator == '\r';
        isaText = isa.substring(0, ISA_LENGTH - 1);
    }

    char element() {
        return element;
    }

    char component() {
        return component;
    }

    /** The terminator to write segments with; a line break in the file becomes '~' (the parser refuses whitespace). */
    char writeTerminator() {
        return lineBreakTerminator ? '~' : terminator;
    }

    /** Shown in messages: "'~'" or "a line break". */
    String terminatorName() {
        return lineBreakTerminator ? "a line break" : "'" + terminator + "'";
    }

    /** The next segment, or null at the end of the file. */
    X12Segment next() throws IOException, UnsplittableException {
        if (!isaGiven) {
            isaGiven = true;
            return new X12Segment(++number, isaText, true);
        }
        int c = in.read();
        while (c >= 0 && (Character.isWhitespace(c) || (c == terminator))) {
            c = in.read(); // line breaks after a terminator, blank segments
        }
        if (c < 0) {
            return null;
        }
        StringBuilder text = new StringBuilder(128);
        while (c >= 0 && !(c == terminator || (lineBreakTerminator && (c == '\n' || c == '\r')))) {
            if (text.length() == Limits.X12_MAX_SEGMENT_CHARS) {
                throw new UnsplittableException("segment " + (number + 1) + " runs past "
                        + Limits.X12_MAX_SEGMENT_CHARS + " characters without the segment terminator "
                        + terminatorName() + " that the ISA segment declares (its 106th character): the file "
                        + "uses another terminator or is damaged");
            }
            text.append((char) c);
            c = in.read();
        }
        String t = text.toString().strip();
        if (!lineBreakTerminator) {
            int br = firstLineBreak(t);
            if (br >= 0) {
                char before = t.charAt(br - 1);
                throw new UnsplittableException("segment " + (number + 1) + " has a line break inside it, so the "
                        + "file does not end its segments with " + terminatorName() + ", the terminator its ISA "
                        + "segment declares (its 106th character)"
                        + (Character.isLetterOrDigit(before) || Character.isWhitespace(before) ? ""
                        : "; it seems to end them with '" + before + "'")
                        + " (a file wrapped at a fixed width must be unwrapped first)");
            }
        }
        return new X12Segment(++number, t, c >= 0);
    }

    private static int firstLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Whether the file's first non-blank characters (after a byte-order mark) are "ISA". */
    static boolean startsWithIsa(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(4096);
            String s = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            return s.startsWith("ISA");
        } catch (IOException e) {
            return false; // the reader reports the file it cannot open
        }
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '\n') {
                b.append("\\n");
            } else if (ch == '\r') {
                b.append("\\r");
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
