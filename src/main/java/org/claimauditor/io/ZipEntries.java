package org.claimauditor.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Opens one entry of a zip archive (CMS ships its reference files zipped) as a stream that closes the archive too. */
public final class ZipEntries {

    private ZipEntries() { }

    /** Names of the archive's file entries (not folders); an unreadable archive or entry name is an IOException. */
    public static List<String> files(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
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

    public static InputStream open(Path zip, String entryName) throws IOException {
        ZipFile z = new ZipFile(zip.toFile());
        try {
            ZipEntry entry = z.getEntry(entryName);
            if (entry == null) {
                throw new IOException(zip + " no longer holds " + entryName);
            }
            return new FilterInputStream(z.getInputStream(entry)) {
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
}
