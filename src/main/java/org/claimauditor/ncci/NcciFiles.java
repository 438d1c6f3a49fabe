package org.claimauditor.ncci;

import org.claimauditor.engine.Limits;
import org.claimauditor.io.ReferenceDataException;
import org.claimauditor.io.ZipEntries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds CMS NCCI files in a folder by their published names, either as plain files or as entries of
 * {@code .zip} files (CMS ships each quarter zipped), so a download folder can be pointed at as is.
 */
public final class NcciFiles {

    /** Which NCCI table a file holds. */
    public enum Kind { PTP_PRACTITIONER, PTP_HOSPITAL, MUE_PRACTITIONER, MUE_HOSPITAL, MUE_DME, AOC }

    /** Opens a fresh stream each time, so a source can be read more than once. */
    @FunctionalInterface
    public interface IOSupplier {
        InputStream get() throws IOException;
    }

    /**
     * A recognised file.
     *
     * @param version     "v322r0" (PTP), "Eff 2026-07-01" (MUE), "2026Q2" (AOC)
     * @param displayName path relative to the scanned folder, {@code archive.zip!/entry} for zip entries
     */
    public record Source(Kind kind, String version, String displayName, IOSupplier open) { }

    /** Everything found under a folder. */
    public record Listing(List<Source> sources, List<String> unrecognised) { }

    // Names are matched case-insensitively; CMS adds nothing after the version, copies often do ("….excerpt.txt").
    private static final Pattern PTP = Pattern.compile("(?i)(ccipra|ccioph)-(v[0-9a-z]+)-f\\d+([._ -].*)?\\.txt");
    private static final Pattern MUE = Pattern.compile(
            "(?i)MCR_MUE_(PractitionerServices|OutpatientHospitalServices|DMESupplierServices)_Eff_"
                    + "(\\d{2})-(\\d{2})-(\\d{4})([._ -].*)?\\.csv");
    private static final Pattern AOC = Pattern.compile("(?i)AOC_V(\\d{4})Q([1-4])-MCR([._ -].*)?\\.xlsx");

    private NcciFiles() { }

    /**
     * Recognised files under {@code dir} (recursively, and inside zips), sorted by kind then name ignoring case.
     *
     * @throws UncheckedIOException when the folder cannot be walked
     * @throws NcciLoadException    when a zip cannot be read or holds too many entries: the tables it may hold
     *                              would otherwise be missing without a word
     */
    public static List<Source> scan(Path dir) {
        return list(dir, Limits.DEFAULTS).sources();
    }

    /** Files and zip entries under {@code dir} that are not NCCI tables, for the caller to mention. */
    public static List<String> unrecognised(Path dir) {
        return list(dir, Limits.DEFAULTS).unrecognised();
    }

    /** Both lists from a single walk; zip entries are opened within {@code limits}. */
    public static Listing list(Path dir, Limits limits) {
        List<Source> sources = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path file : files) {
            String display = dir.relativize(file).toString().replace('\\', '/');
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                scanZip(file, display, limits, sources, unknown);
            } else if (!add(file.getFileName().toString(), display, () -> Files.newInputStream(file), sources)) {
                unknown.add(display);
            }
        }
        sources.sort(Comparator.comparing(Source::kind)
                .thenComparing(Source::displayName, String.CASE_INSENSITIVE_ORDER));
        return new Listing(Collections.unmodifiableList(sources), Collections.unmodifiableList(unknown));
    }

    private static void scanZip(Path zip, String display, Limits limits, List<Source> sources, List<String> unknown) {
        List<String> entries;
        try {
            entries = ZipEntries.files(zip, limits);
        } catch (IOException e) {
            throw NcciLoadException.inFile(display, 0, "not a readable zip archive (" + ReferenceDataException.reason(e)
                    + "); the NCCI files it may hold cannot be loaded: replace it, or remove it from the folder");
        }
        for (String entry : entries) {
            String name = display + "!/" + entry;
            if (ZipEntries.isResourceFork(entry)
                    || !add(ZipEntries.baseName(entry), name, () -> ZipEntries.open(zip, entry, limits), sources)) {
                unknown.add(name);
            }
        }
    }

    /** Adds a source when {@code fileName} is an NCCI name; false otherwise. */
    private static boolean add(String fileName, String display, IOSupplier open, List<Source> sources) {
        Matcher m = PTP.matcher(fileName);
        if (m.matches()) {
            Kind kind = m.group(1).equalsIgnoreCase("ccipra") ? Kind.PTP_PRACTITIONER : Kind.PTP_HOSPITAL;
            sources.add(new Source(kind, m.group(2).toLowerCase(Locale.ROOT), display, open));
            return true;
        }
        m = MUE.matcher(fileName);
        if (m.matches()) {
            Kind kind = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "practitionerservices" -> Kind.MUE_PRACTITIONER;
                case "outpatienthospitalservices" -> Kind.MUE_HOSPITAL;
                default -> Kind.MUE_DME;
            };
            String iso = m.group(4) + "-" + m.group(2) + "-" + m.group(3);
            sources.add(new Source(kind, "Eff " + iso, display, open));
            return true;
        }
        m = AOC.matcher(fileName);
        if (m.matches()) {
            sources.add(new Source(Kind.AOC, m.group(1) + "Q" + m.group(2), display, open));
            return true;
        }
        return false;
    }
}
