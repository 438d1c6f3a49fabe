package org.claimauditor.claim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Detects how a claim input is encoded and hands back its bytes as UTF-8. JSON is UTF-8 (RFC 8259), but files
 * saved by Windows tools often carry a UTF-8 byte-order mark or are UTF-16: a BOM is skipped, UTF-16 (with or
 * without BOM, told apart by the zero byte of the first ASCII character) is transcoded on the fly.
 *
 * @param utf8 the input as UTF-8 bytes; a malformed UTF-16 unit becomes the byte 0xFF so the scanner isolates
 *             it to its claim like any invalid UTF-8 byte
 * @param name "UTF-8" or "UTF-16", for error messages
 */
record InputEncoding(InputStream utf8, String name) {

    static InputEncoding detect(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        byte[] head = in.readNBytes(3);
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        int b2 = head.length > 2 ? head[2] & 0xFF : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            in.skipNBytes(3);
            return new InputEncoding(in, "UTF-8");
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            in.skipNBytes(2);
            return new InputEncoding(new Utf16ToUtf8(in, true), "UTF-16");
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            in.skipNBytes(2);
            return new InputEncoding(new Utf16ToUtf8(in, false), "UTF-16");
        }
        // No BOM: JSON starts with an ASCII character, so UTF-16 shows a zero byte before (BE) or after (LE) it.
        if (b0 == 0 && b1 > 0) {
            return new InputEncoding(new Utf16ToUtf8(in, true), "UTF-16");
        }
        if (b0 > 0 && b1 == 0) {
            return new InputEncoding(new Utf16ToUtf8(in, false), "UTF-16");
        }
        return new InputEncoding(in, "UTF-8");
    }

    /** UTF-16 code units in, UTF-8 bytes out; an unpaired surrogate or an odd trailing byte becomes 0xFF. */
    static final class Utf16ToUtf8 extends InputStream {
        private static final int EOF = -1;
        private static final int ODD = -2;
        private static final int NONE = Integer.MIN_VALUE;

        private final InputStream in;
        private final boolean bigEndian;
        private final byte[] out = new byte[4];
        private int outPos;
        private int outLen;
        private int pending = NONE;

        Utf16ToUtf8(InputStream in, boolean bigEndian) {
            this.in = in;
            this.bigEndian = bigEndian;
        }

        @Override
        public int read() throws IOException {
            if (outPos == outLen && !fill()) {
                return -1;
            }
            return out[outPos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = 0;
            while (n < len && (outPos < outLen || fill())) {
                b[off + n++] = out[outPos++];
            }
            return n == 0 && len > 0 ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private boolean fill() throws IOException {
            int u = pending != NONE ? pending : unit();
            pending = NONE;
            outPos = 0;
            outLen = 0;
            if (u == EOF) {
                return false;
            }
            int cp;
            if (u == ODD || Character.isLowSurrogate((char) u)) {
                cp = -1;
            } else if (Character.isHighSurrogate((char) u)) {
                int low = unit();
                if (low >= 0 && Character.isLowSurrogate((char) low)) {
                    cp = Character.toCodePoint((char) u, (char) low);
                } else {
                    pending = low;
                    cp = -1;
                }
            } else {
                cp = u;
            }
            if (cp < 0) {
                out[outLen++] = (byte) 0xFF;
            } else if (cp < 0x80) {
                out[outLen++] = (byte) cp;
            } else if (cp < 0x800) {
                out[outLen++] = (byte) (0xC0 | cp >> 6);
                out[outLen++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out[outLen++] = (byte) (0xE0 | cp >> 12);
                out[outLen++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[outLen++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[outLen++] = (byte) (0xF0 | cp >> 18);
                out[outLen++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[outLen++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[outLen++] = (byte) (0x80 | cp & 0x3F);
            }
            return true;
        }

        private int unit() throws IOException {
            int a = in.read();
            if (a < 0) {
                return EOF;
            }
            int b = in.read();
            if (b < 0) {
                return ODD;
            }
            return bigEndian ? a << 8 | b : b << 8 | a;
        }
    }
}
