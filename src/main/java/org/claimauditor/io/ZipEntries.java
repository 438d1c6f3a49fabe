package org.claimauditor.io;

import org.claimauditor.engine.Limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Lists and opens the entries of a zip archive (CMS ships its reference files zipped) within {@link Limits}: at most
 * {@code maxZipEntries} entries, and each entry's stream fails once it has expanded past {@code maxUnzippedBytes}
 * or past {@code maxZipRatio} times its compressed size, so a zip bomb stops after a bounded amount of work.
 */
public final class ZipEntries {

    /** Entries smaller than this are not ratio-checked: a tiny file of blanks may compress 1,000 to 1. */
    static final long RATIO_GRACE_BYTES = 1 << 20;

    private ZipEntries() { }

    /** Names of the archive's file entries (not folders); an unreadable archive or entry name is an IOException. */
    public static List<String> files(Path zip, Limits limits) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.size() > limits.maxZipEntries()) {
                throw new IOException("holds " + z.size() + " entries, more than the limit of "
                        + limits.maxZipEntries() + " (maxZipEntries)");
            }
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
        } catch (IllegalArgumentException e) { // entry name not valid UTF-8
            throw new IOException(e.getMessage(), e);
        }
        return names;
    }

    /** macOS archivers add "__MACOSX/._name" resource forks that carry the real file's name: not data. */
    public static boolean isResourceFork(String entry) {
        return entry.startsWith("__MACOSX/") || baseName(entry).startsWith("._");
    }

    public static String baseName(String entry) {
        return entry.substring(entry.lastIndexOf('/') + 1);
    }

    /** The entry as a stream that enforces the limits and closes the archive when closed. */
    public static InputStream open(Path zip, String entryName, Limits limits) throws IOException {
        ZipFile z = new ZipFile(zip.toFile());
        try {
            ZipEntry entry = z.getEntry(entryName);
            if (entry == null) {
                throw new IOException(zip + " no longer holds " + entryName);
            }
            return new Guarded(z.getInputStream(entry), entry, limits) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        z.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            z.close();
            throw e;
        }
    }

    /**
     * Counts the bytes inflated. The compressed size comes from the central directory, and the inflater reads no
     * more than that many bytes of the archive, so the ratio check cannot be talked around by a lying header.
     * {@link ZipFile} does not check an entry's CRC (only {@code ZipInputStream} does), so this does, at the end:
     * a damaged entry that still inflates would otherwise deliver altered rows.
     */
    private static class Guarded extends FilterInputStream {
        private final long compressed;
        private final long expectedCrc;
        private final Limits limits;
        private final CRC32 crc = new CRC32();
        private long inflated;

        Guarded(InputStream in, ZipEntry entry, Limits limits) {
            super(in);
            this.compressed = entry.getCompressedSize();
            this.expectedCrc = entry.getCrc();
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int b = damaged(() -> super.read());
            if (b >= 0) {
                crc.update(b);
                count(1);
            } else {
                checkCrc();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = damaged(() -> super.read(buf, off, len));
            if (n > 0) {
                crc.update(buf, off, n);
                count(n);
            } else if (n < 0) {
                checkCrc();
            }
            return n;
        }

        private void checkCrc() throws IOException {
            if (expectedCrc >= 0 && crc.getValue() != expectedCrc) {
                throw new IOException(String.format("damaged zip entry (CRC %08x, the archive says %08x)",
                        crc.getValue(), expectedCrc));
            }
        }

        private void count(int n) throws IOException {
            inflated += n;
            if (inflated > limits.maxUnzippedBytes()) {
                throw new IOException("expands to more than " + limits.maxUnzippedBytes()
                        + " bytes, the limit for one zip entry (maxUnzippedBytes)");
            }
            if (inflated > RATIO_GRACE_BYTES && compressed >= 0 && inflated > limits.maxZipRatio() * compressed) {
                throw new IOException("expands to more than " + limits.maxZipRatio() + " times its compressed size of "
                        + compressed + " bytes (maxZipRatio): a zip bomb, not a reference file");
            }
        }

        private interface Read {
            int read() throws IOException;
        }

        /** The inflater's own words ("invalid entry CRC", "invalid stored block lengths") say the entry is damaged. */
        private static int damaged(Read r) throws IOException {
            try {
                return r.read();
            } catch (IOException e) {
                throw new IOException("damaged zip entry (" + ReferenceDataException.reason(e) + ")", e);
            }
        }
    }
}
