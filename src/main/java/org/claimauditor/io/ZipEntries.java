package org.claimauditor.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Opens one entry of a zip archive (CMS ships its reference files zipped) as a stream that closes the archive too. */
public final class ZipEntries {

    private ZipEntries() { }

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
