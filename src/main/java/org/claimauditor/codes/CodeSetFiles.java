package org.claimauditor.codes;

import org.claimauditor.engine.Limits;
import org.claimauditor.io.ReferenceDataException;
import org.claimauditor.io.ZipEntries;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds code-set files in a folder by their published names, plain or inside {@code .zip} files (CMS ships
 * HCPCS and ICD-10-CM releases zipped, next to workbooks, change reports and READMEs, which are skipped).
 */
final class CodeSetFiles {

    enum Kind { ICD10CM_ORDER, HCPCS, CPT_LIST }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * @param baseName    the file or entry name without folders, which identifies it
     * @param displayName path relative to the scanned folder, {@code archive.zip!/entry} for zip entries
     */
    record Source(Kind kind, String baseName, String displayName, Opener opener) { }

    record Listing(List<Source> sources, List<String> ignored) { }

    /** A user's CPT list: any CSV whose name starts with "cpt" ({@code cpt-codes-2026.csv}). */
    private static final Pattern CPT_LIST = Pattern.compile("(?i)cpt[^/]*\\.csv");

    private CodeSetFiles() { }

    /** @throws CodeSetLoadException when a zip cannot be read: the code sets it may hold would be missing */
    static Listing scan(Path dir, Limits limits) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<Source> sources = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Path file : files) {
            String display = dir.relativize(file).toString().replace('\\', '/');
            String base = file.getFileName().toString();
            if (base.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                scanZip(file, display, limits, sources, ignored);
            } else {
                add(base, display, () -> Files.newInputStream(file), sources, ignored);
            }
        }
        return new Listing(List.copyOf(sources), List.copyOf(ignored));
    }

    private static void scanZip(Path zip, String display, Limits limits, List<Source> sources, List<String> ignored) {
        List<String> entries;
        try {
            entries = ZipEntries.files(zip, limits);
        } catch (IOException e) {
            throw CodeSetLoadException.inFile(display, 0, "not a readable zip archive (" + ReferenceDataException.reason(e)
                    + "); the code sets it may hold cannot be loaded: replace it, or remove it from the folder");
        }
        for (String entry : entries) {
            String name = display + "!/" + entry;
            if (ZipEntries.isResourceFork(entry)) {
                ignored.add(name);
            } else {
                add(ZipEntries.baseName(entry), name, () -> ZipEntries.open(zip, entry, limits), sources, ignored);
            }
        }
    }

    private static void add(String base, String display, Opener opener, List<Source> sources, List<String> ignored) {
        Kind kind = Icd10CmOrderFileReader.isOrderFile(base) ? Kind.ICD10CM_ORDER
                : HcpcsRelease.fromFileName(base).isPresent() ? Kind.HCPCS
                : CPT_LIST.matcher(base).matches() ? Kind.CPT_LIST
                : null;
        if (kind == null) {
            ignored.add(display);
        } else {
            sources.add(new Source(kind, base, display, opener));
        }
    }
}
