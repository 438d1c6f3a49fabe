package org.claimauditor.history;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Hashes (SHA-256) and counts the bytes read through it: a REST body is recorded like an input file, read once. */
public final class HashedStream extends FilterInputStream {

    private final MessageDigest sha = InputFile.newDigest();
    private long bytes;
    private boolean closed;

    public HashedStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sha.update((byte) b);
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            sha.update(buf, off, n);
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must be hashed too: read them
        long done = 0;
        byte[] buf = new byte[8192];
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** Reads what a reader left (it may stop at the last claim) before closing: the hash covers the whole body. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            byte[] buf = new byte[8192];
            while (read(buf, 0, buf.length) >= 0) {
                // hashed by read
            }
            closed = true;
            super.close();
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The whole input (the stream is read to its end and closed first), under {@code name}. */
    public InputFile input(String name) throws IOException {
        close();
        return InputFile.of(name, sha, bytes);
    }
}
