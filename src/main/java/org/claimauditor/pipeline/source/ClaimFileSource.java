package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The claim files of a run, each read by the reader its format needs: X12 837 ({@code .x12}, {@code .837},
 * {@code .edi}, {@code .txt}, or any file that begins with {@code ISA}) by {@link X12Claims}, everything else by
 * the JSON reader ({@code .json}, {@code .jsonl}; JSON stays the default). Indexes count up across files, and
 * only the file being read is open.
 */
public record ClaimFileSource(List<Path> files, Limits limits) implements ClaimSource {

    private static final List<String> X12_EXTENSIONS = List.of(".x12", ".837", ".edi");

    public ClaimFileSource {
        files = List.copyOf(files);
    }

    /**
     * The files named, and under folders (recursively, in name order) the {@code .json}, {@code .jsonl},
     * {@code .x12}, {@code .837} and {@code .edi} files and the {@code .txt} files that begin with {@code ISA}
     * (a folder's other text files are left alone).
     */
    public static List<Path> expandInputs(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(ClaimFileSource::isClaimFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("input not found: " + p);
            }
        }
        return files;
    }

    private static boolean isClaimFile(Path f) {
        String n = lowerName(f);
        return n.endsWith(".json") || n.endsWith(".jsonl") || X12_EXTENSIONS.stream().anyMatch(n::endsWith)
                || (n.endsWith(".txt") && X12SegmentReader.startsWithIsa(f));
    }

    /** X12 by extension ({@code .txt} too), JSON by extension, otherwise X12 when the file begins with ISA. */
    static boolean isX12(Path f) {
        String n = lowerName(f);
        if (X12_EXTENSIONS.stream().anyMatch(n::endsWith) || n.endsWith(".txt")) {
            return true;
        }
        if (n.endsWith(".json") || n.endsWith(".jsonl")) {
            return false;
        }
        return X12SegmentReader.startsWithIsa(f);
    }

    /** Every claim of an X12 837 input (a request body), in order; see {@link X12Claims}. */
    public static List<ClaimInput> readX12(InputStream in, String name, Limits limits) {
        List<ClaimInput> out = new ArrayList<>();
        try (X12Claims it = new X12Claims(in, name, 0, limits)) {
            it.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Reads an X12 document held in memory (tests, fixtures). */
    public static List<ClaimInput> readX12(String text, String name, Limits limits) {
        return readX12(new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name, limits);
    }

    @Override
    public Stream<ClaimInput> claims() {
        FilesIterator all = new FilesIterator(files, limits);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(all, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(all::close);
    }

    /**
     * An X12 claim takes about half the bytes of the same claim as JSON (no field names), while its size in
     * memory is the same: its bytes count twice, so partitions hold as many claims as they would from JSON.
     */
    static final int X12_BYTES_WEIGHT = 2;

    @Override
    public long bytes() {
        long sum = 0;
        for (Path f : files) {
            try {
                sum += Files.size(f) * (isX12(f) ? X12_BYTES_WEIGHT : 1);
            } catch (IOException e) {
                // the reader turns a file it cannot open into an ERROR result; it adds nothing to partition
            }
        }
        return sum;
    }

    private static String lowerName(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** Files one after another; the file being read is the only one open. */
    private static final class FilesIterator implements Iterator<ClaimInput> {
        private final List<Path> files;
        private final Limits limits;
        private int file;
        private int index;
        private Iterator<ClaimInput> current;
        private ClaimInput unopenable;

        FilesIterator(List<Path> files, Limits limits) {
            this.files = files;
            this.limits = limits;
        }

        @Override
        public boolean hasNext() {
            while (unopenable == null && (current == null || !current.hasNext())) {
                close();
                if (file == files.size()) {
                    return false;
                }
                Path f = files.get(file++);
                try {
                    InputStream in = Files.newInputStream(f);
                    current = isX12(f) ? new X12Claims(in, f.toString(), index, limits)
                            : ClaimReader.open(in, f.toString(), lowerName(f).endsWith(".jsonl"), index, limits);
                } catch (IOException e) {
                    unopenable = ClaimInput.failed(index, f.toString(), null, f + ": cannot read file: " + e.getMessage());
                }
            }
            return true;
        }

        @Override
        public ClaimInput next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            index++;
            if (unopenable != null) {
                ClaimInput failed = unopenable;
                unopenable = null;
                return failed;
            }
            return current.next();
        }

        void close() {
            if (current instanceof Closeable c) {
                try {
                    c.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            current = null;
        }
    }
}
