package org.claimauditor.claim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a UTF-8 byte stream into top-level JSON values without parsing them, so each claim is parsed on its own
 * and one broken claim cannot take its neighbours with it. The values are the elements of a leading array, or a
 * sequence of top-level values (JSON Lines, pretty-printed objects, concatenated objects). It tracks brackets and
 * strings, line and column (LF, CRLF and CR all end a line) and the first invalid UTF-8 byte of each value.
 *
 * <p>Resynchronisation: inside an unfinished value, a '{' that starts a line at the column where the value began
 * (or, in an array, follows a ',') starts the next value if the value so far cannot continue with it: the scanner
 * saw a mismatched bracket or a line break inside a string, or the '{' comes where JSON does not allow one (after
 * a ',' in an object a field name must follow), or — for a '{' at the start of a line — Jackson's non-blocking
 * parser, fed the value's bytes incrementally (so the check stays linear), rejects the value there. A valid
 * nested object at that column therefore stays in its claim, while a truncated claim ends where the next begins.
 *
 * <p>Memory: a value's bytes are kept up to {@code maxBytes}; beyond that the rest of the value is scanned and
 * counted but not stored, and the value is reported as oversized.
 */
final class JsonValueScanner {

    /**
     * One value: {@code bytes[0, length)} hold it (the array is reused by the next call to {@link #next()}).
     *
     * @param size      the value's full size in bytes (more than {@code length} when oversized)
     * @param element   index in the leading array, or -1 for a top-level value
     * @param endLine   line of the value's last non-blank byte
     * @param badLine   line of the first invalid UTF-8 byte, 0 if none
     */
    record RawValue(byte[] bytes, int length, long size, int line, int column, int endLine, int element,
                    int badLine, int badColumn, boolean oversized) { }

    private enum Mode { START, ARRAY, SEQUENCE }

    private static final byte[] OPEN_BRACE = {'{'};
    private static final int MAX_TRACKED_DEPTH = 1024;

    private final InputStream in;
    private final JsonFactory factory;
    private final boolean arrays;
    private final int maxBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;

    private int line = 1;
    private int col;
    private boolean afterCr;
    private int utfNeed;
    private int utfLo = 0x80;
    private int utfHi = 0xBF;

    private Mode mode = Mode.START;
    private int element;

    // the value being scanned
    private byte[] data = new byte[8192];
    private int len;
    private long size;
    private int badLine;
    private int badCol;
    private int endLine;
    private final byte[] stack = new byte[MAX_TRACKED_DEPTH];
    private int depth;
    private boolean inString;
    private boolean escape;
    private boolean broken;
    private int lastSignificant;
    private JsonParser probe;
    private int probeFed;

    /**
     * @param arrays whether a leading '[' opens an array of claims (false for JSON Lines, where it is one value)
     */
    JsonValueScanner(InputStream utf8, JsonFactory factory, boolean arrays, long maxBytes) {
        this.in = utf8;
        this.factory = factory;
        this.arrays = arrays;
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
    }

    /** The next value, or null at the end of the input. */
    RawValue next() throws IOException {
        while (true) {
            int b = peek();
            if (b < 0) {
                return null;
            }
            if (isWhitespace(b)) {
                consume(b);
            } else if (mode == Mode.ARRAY) {
                if (b == ',') {
                    consume(b);
                } else if (b == ']') {
                    consume(b);
                    mode = Mode.SEQUENCE;
                } else {
                    return scanValue(element++);
                }
            } else if (mode == Mode.START && arrays && b == '[') {
                consume(b);
                mode = Mode.ARRAY;
            } else {
                mode = Mode.SEQUENCE;
                return scanValue(-1);
            }
        }
    }

    /** Skips whitespace and tells whether the input has ended (used to name a lone object just by its file). */
    boolean atEnd() throws IOException {
        int b;
        while ((b = peek()) >= 0 && isWhitespace(b)) {
            consume(b);
        }
        return b < 0;
    }

    private RawValue scanValue(int elementIndex) throws IOException {
        boolean inArray = elementIndex >= 0;
        len = 0;
        size = 0;
        badLine = 0;
        depth = 0;
        inString = false;
        escape = false;
        broken = false;
        lastSignificant = 0;
        probe = null;
        probeFed = 0;
        int startLine = line;
        int startCol = col + 1;
        endLine = line;
        int first = peek();
        boolean bracketed = first == '{' || first == '[';
        boolean toEndOfLine = !bracketed && !inArray;
        boolean complete = false;
        boolean lineStart = false;
        scan:
        while (true) {
            if (utfNeed == 0 && !complete && !toEndOfLine && !escape) {
                int last = plainRun(inString);
                if (last > 0 && !inString) {
                    lineStart = false;
                    lastSignificant = last;
                }
            }
            int b = peek();
            if (b < 0) {
                break;
            }
            if (complete) {
                // After the closing bracket: what follows decides whether the value ends here.
                if (b == ' ' || b == '\t' || inArray && isWhitespace(b)) {
                    consume(b);
                    continue;
                }
                if (inArray && b == ',') {
                    consume(b);
                    break;
                }
                if (b == '{' || b == '[' || (inArray ? b == ']' : b == '\n' || b == '\r')) {
                    break;
                }
                // trailing content belongs to this value (and makes it an error), up to the line end / next element
                complete = false;
                toEndOfLine = !inArray;
            }
            if (toEndOfLine) {
                if (b == '\n' || b == '\r') {
                    break;
                }
                take(b);
                continue;
            }
            if (inString) {
                take(b);
                if (escape) {
                    escape = false;
                } else if (b == '\\') {
                    escape = true;
                } else if (b == '"') {
                    inString = false;
                    lastSignificant = b;
                } else if (b == '\n' || b == '\r') {
                    inString = false; // a raw line break cannot be inside a JSON string: the string was not closed
                    broken = true;
                    lineStart = true;
                }
                continue;
            }
            switch (b) {
                case '\n', '\r' -> {
                    take(b);
                    lineStart = true;
                    continue;
                }
                case ' ', '\t' -> {
                    take(b);
                    continue;
                }
                case '"' -> {
                    take(b);
                    inString = true;
                }
                case '{', '[' -> {
                    boolean atColumn = b == '{' && depth > 0 && lineStart && col + 1 == startCol;
                    boolean afterComma = b == '{' && depth > 0 && inArray && lastSignificant == ',';
                    if ((atColumn || afterComma) && cannotContinueWithBrace(atColumn)) {
                        break scan;
                    }
                    take(b);
                    if (atColumn && probe != null && probeFed == len - 1) {
                        probeFed = len; // the probe has already seen this '{'
                    }
                    if (depth < MAX_TRACKED_DEPTH) {
                        stack[depth] = (byte) b;
                    }
                    depth++;
                }
                case '}', ']' -> {
                    char open = b == '}' ? '{' : '[';
                    int match = depth - 1;
                    while (match >= 0 && match < MAX_TRACKED_DEPTH && stack[match] != open) {
                        match--;
                    }
                    if (depth > MAX_TRACKED_DEPTH) {
                        match = depth - 1; // too deep to check; Jackson rejects such nesting anyway
                    }
                    if (match < 0 && inArray && b == ']') {
                        broken |= depth > 0;
                        break scan; // the array closes: this element ends here
                    }
                    take(b);
                    if (match < 0) {
                        broken = true;
                    } else {
                        broken |= match != depth - 1;
                        depth = match;
                        complete = bracketed && depth == 0;
                    }
                }
                case ',' -> {
                    if (inArray && depth == 0) {
                        consume(b);
                        break scan;
                    }
                    take(b);
                }
                default -> take(b);
            }
            lineStart = false;
            lastSignificant = b;
        }
        if (utfNeed > 0) { // the value ended inside a multi-byte sequence
            markBadByte();
            utfNeed = 0;
        }
        probe = null;
        return new RawValue(data, len, size, startLine, startCol, endLine, elementIndex, badLine, badCol, size > len);
    }

    /**
     * True if the value so far cannot be followed by '{': the scanner saw it break, JSON allows no '{' after the
     * last token, or ({@code probe}) Jackson's non-blocking parser, fed the value incrementally, rejects it.
     */
    private boolean cannotContinueWithBrace(boolean probeToo) {
        if (broken) {
            return true;
        }
        if (depth <= MAX_TRACKED_DEPTH) {
            boolean inObject = stack[depth - 1] == '{';
            if (inObject ? lastSignificant != ':' : lastSignificant != '[' && lastSignificant != ',') {
                return true; // a '{' here is a syntax error whatever came before
            }
        }
        if (!probeToo || badLine != 0 || size > len) {
            return false; // invalid bytes or an oversized value: the probe cannot judge, keep scanning brackets
        }
        try {
            if (probe == null) {
                probe = factory.createNonBlockingByteArrayParser();
                probeFed = 0;
            }
            ByteArrayFeeder feeder = (ByteArrayFeeder) probe.getNonBlockingInputFeeder();
            if (probeFed < len) {
                feeder.feedInput(data, probeFed, len);
                probeFed = len;
                drainProbe();
            }
            feeder.feedInput(OPEN_BRACE, 0, 1);
            drainProbe();
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void drainProbe() throws IOException {
        JsonToken t;
        do {
            t = probe.nextToken();
        } while (t != null && t != JsonToken.NOT_AVAILABLE);
    }

    /**
     * Takes the run of plain ASCII bytes at the read position in one go (the bulk of any claim: names, values,
     * digits), stopping before anything the byte-wise scan must see. Returns the run's last non-space byte, or 0.
     */
    private int plainRun(boolean string) {
        int p = pos;
        int last = 0;
        byte[] b = buf;
        while (p < lim) {
            int c = b[p]; // negative for non-ASCII bytes
            if (c < 0x20 || c == '"' || c == '\\'
                    || !string && (c == '{' || c == '}' || c == '[' || c == ']' || c == ',')) {
                break;
            }
            if (c != ' ') {
                last = c;
            }
            p++;
        }
        int n = p - pos;
        if (n > 0) {
            int keep = (int) Math.min(n, (long) maxBytes - len);
            if (keep > 0) {
                if (len + keep > data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(Math.max((long) data.length * 2, len + keep), maxBytes));
                }
                System.arraycopy(b, pos, data, len, keep);
                len += keep;
            }
            size += n;
            col += n;
            endLine = line;
            afterCr = false;
            pos = p;
        }
        return last;
    }

    private void take(int b) {
        if (!utf8(b)) {
            markBadByte();
        }
        advance(b);
        if (!isWhitespace(b)) {
            endLine = line;
        }
        size++;
        if (len < maxBytes) {
            if (len == data.length) {
                data = Arrays.copyOf(data, (int) Math.min((long) data.length * 2, maxBytes));
            }
            data[len++] = (byte) b;
        }
    }

    private void markBadByte() {
        if (badLine == 0) {
            badLine = line;
            badCol = col + 1;
        }
    }

    private void consume(int b) {
        utf8(b);
        advance(b);
    }

    private void advance(int b) {
        pos++;
        if (b == '\n') {
            if (!afterCr) {
                line++;
            }
            col = 0;
            afterCr = false;
        } else if (b == '\r') {
            line++;
            col = 0;
            afterCr = true;
        } else {
            afterCr = false;
            if ((b & 0xC0) != 0x80) {
                col++; // columns count characters, not the continuation bytes of one
            }
        }
    }

    /** Feeds one byte to a UTF-8 validator (RFC 3629: no overlongs, surrogates or code points past U+10FFFF). */
    private boolean utf8(int b) {
        if (utfNeed > 0) {
            if (b >= utfLo && b <= utfHi) {
                utfNeed--;
                utfLo = 0x80;
                utfHi = 0xBF;
                return true;
            }
            utfNeed = 0;
            utfLo = 0x80;
            utfHi = 0xBF;
            utf8(b); // the byte that broke the sequence may start a new one
            return false;
        }
        if (b < 0x80) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            utfNeed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            utfNeed = 2;
            if (b == 0xE0) {
                utfLo = 0xA0;
            } else if (b == 0xED) {
                utfHi = 0x9F;
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            utfNeed = 3;
            if (b == 0xF0) {
                utfLo = 0x90;
            } else if (b == 0xF4) {
                utfHi = 0x8F;
            }
        } else {
            return false;
        }
        return true;
    }

    private int peek() throws IOException {
        while (pos == lim) {
            if (eof) {
                return -1;
            }
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return -1;
            }
            pos = 0;
            lim = n;
        }
        return buf[pos] & 0xFF;
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
