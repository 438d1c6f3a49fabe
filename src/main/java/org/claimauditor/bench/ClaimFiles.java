package org.claimauditor.bench;

import org.claimauditor.claim.Claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Generated claims as JSON Lines files in one folder ({@code claims-00001.jsonl}, …), written one claim at a time so
 * that no file and no batch is ever held in memory. A marker file written last ({@value #MARKER}, ignored by the
 * claim reader) says the folder is complete, so a kept folder is reused by the next run with the same parameters.
 *
 * @param dir    the folder
 * @param files  the JSON Lines files, in name order (the order the audit reads a folder in)
 * @param claims the number of claims in all files
 * @param bytes  the size of all files
 */
public record ClaimFiles(Path dir, List<Path> files, int claims, long bytes) {

    public static final String MARKER = "COMPLETE";

    /** The claims of {@code ClaimGenerator.claims(universe, seed, count)}, {@code perFile} to a file; reuses a complete folder. */
    public static ClaimFiles generate(Path dir, Universe universe, long seed, int count, int perFile) {
        if (perFile <= 0) {
            throw new IllegalArgumentException("claims per file must be positive: " + perFile);
        }
        Path marker = dir.resolve(MARKER);
        String expected = "claims=" + count + " seed=" + seed + " perFile=" + perFile + " codes=" + universe.codes().size();
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(expected)) {
                return of(dir, count);
            }
            deleteTree(dir);
            Files.createDirectories(dir);
            Iterator<Claim> all = ClaimGenerator.claims(universe, seed, count);
            int written = 0;
            for (int part = 1; written < count; part++) {
                int n = Math.min(perFile, count - written);
                ClaimGenerator.writeJsonl(limit(all, n), dir.resolve(String.format("claims-%05d.jsonl", part)));
                written += n;
            }
            Files.writeString(marker, expected + "\n", StandardCharsets.UTF_8);
            return of(dir, count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated claims to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ClaimFiles of(Path dir, int count) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        return new ClaimFiles(dir, files, count, bytes);
    }

    /** The next {@code n} elements of {@code it}, without copying them. */
    static <T> Iterator<T> limit(Iterator<T> it, int n) {
        return new Iterator<>() {
            private int left = n;

            @Override
            public boolean hasNext() {
                return left > 0 && it.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return it.next();
            }
        };
    }

    /** Deletes a folder and everything in it (nothing when it does not exist). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = new ArrayList<>(s.toList());
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }
}
