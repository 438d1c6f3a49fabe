package org.claimauditor.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;

/**
 * A file written under a hidden temporary name in its target's folder and renamed over the target only
 * once complete and synced, so a reader (or a crash) never sees a half-written report under the real name.
 */
public final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean open = true;

    private AtomicFile(Path target, UnaryOperator<OutputStream> wrap) throws IOException {
        this.target = target;
        // Same folder as the target: a rename within one file system is atomic. Created like any new file (not
        // createTempFile's owner-only mode), so the report gets the permissions the folder's users expect.
        String suffix = Long.toUnsignedString(RANDOM.nextLong(), 36);
        this.tmp = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
        this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        this.out = wrap.apply(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
    }

    public static AtomicFile create(Path target, UnaryOperator<OutputStream> wrap) throws IOException {
        return new AtomicFile(target, wrap);
    }

    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(target, UnaryOperator.identity());
    }

    /** The stream to write the content to; callers must not close it (commit and abort do). */
    public OutputStream stream() {
        return out;
    }

    /** Flushes, syncs to disk (so the rename never exposes an empty file after a power cut) and moves into place. */
    public Path commit() throws IOException {
        try {
            out.flush();
            channel.force(true);
            closeQuietly();
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Drops the temporary file; the target (and any previous report under its name) is left untouched. */
    public void abort() {
        closeQuietly();
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // Best effort: a leftover hidden .tmp never looks like a finished report.
        }
    }

    private void closeQuietly() {
        if (!open) {
            return;
        }
        open = false;
        try {
            channel.close(); // the wrapped streams hold no resources of their own beyond the channel
        } catch (IOException ignored) {
            // nothing to release beyond the channel
        }
    }
}
