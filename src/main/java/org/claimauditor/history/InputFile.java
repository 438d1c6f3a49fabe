package org.claimauditor.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One input of a run as recorded: its name (path, or "request" for a REST body), SHA-256 and size. */
public record InputFile(String name, String sha256, long bytes) {

    /** Hashes the file in 1 MB reads: memory stays flat whatever its size. */
    public static InputFile of(Path file) {
        MessageDigest sha = newDigest();
        byte[] buf = new byte[1 << 20];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read to hash it: " + e.getMessage(), e);
        }
        return new InputFile(file.toString(), HexFormat.of().formatHex(sha.digest()), total);
    }

    public static List<InputFile> of(List<Path> files) {
        List<InputFile> out = new ArrayList<>(files.size());
        files.forEach(f -> out.add(of(f)));
        return out;
    }

    public static InputFile of(String name, MessageDigest digest, long bytes) {
        return new InputFile(name, HexFormat.of().formatHex(digest.digest()), bytes);
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** SHA-256 of a file's bytes as hex, or null when it cannot be read (then the run notes no hash for it). */
    static String hashOrNull(Path file) {
        try {
            return of(file).sha256();
        } catch (UncheckedIOException e) {
            return null;
        }
    }
}
