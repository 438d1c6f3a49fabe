package org.claimauditor.ncci;

import org.claimauditor.engine.Limits;
import org.claimauditor.io.ReferenceDataException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the NCCI files a user downloaded from CMS (plain or zipped, recognised by name) into indexed tables.
 * Never fewer edits in silence: each file checks itself, and the whole load fails with one line naming the file
 * (and line or row) when a file cannot be read (a damaged zip or entry, not a real workbook, a zip bomb), is empty,
 * lacks its header, holds no rows, or has more unreadable rows than {@code maxBadShare} of its own rows. Tolerated
 * unreadable rows are returned with file and line for the caller to print.
 */
public final class NcciLoader {

    /** Default share of unreadable rows tolerated per file (0.1 %). */
    public static final double DEFAULT_MAX_BAD_SHARE = 0.001;

    private NcciLoader() { }

    public static NcciTables load(Path dir) {
        return load(dir, DEFAULT_MAX_BAD_SHARE);
    }

    public static NcciTables load(Path dir, double maxBadShare) {
        return load(dir, maxBadShare, Limits.DEFAULTS);
    }

    /**
     * @param maxBadShare share of a file's rows that may be unreadable (0 to 1)
     * @param limits      caps on zip entries and on how far a zip entry or workbook part may expand
     * @throws NcciLoadException with a one-line message when the tables cannot be trusted
     */
    public static NcciTables load(Path dir, double maxBadShare, Limits limits) {
        checkShare(maxBadShare);
        long start = System.nanoTime();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NcciLoadException("NCCI folder not found: " + dir + " (pass --ncci-dir DIR, or --no-ncci to audit without NCCI edits)", List.of());
        }
        List<NcciFiles.Source> sources;
        try {
            sources = NcciFiles.list(dir, limits).sources();
        } catch (UncheckedIOException e) {
            throw new NcciLoadException("cannot list " + dir + ": " + ReferenceDataException.reason(e), List.of());
        }
        if (sources.isEmpty()) {
            throw new NcciLoadException("no NCCI files in " + dir + " (expected ccipra-v*-f*.txt, ccioph-v*-f*.txt, "
                    + "MCR_MUE_*_Eff_*.csv, AOC_V*-MCR.xlsx, plain or zipped; or pass --no-ncci)", List.of());
        }
        List<ReadProblem> problems = new ArrayList<>();
        Map<NcciFiles.Kind, PtpTable.Builder> ptp = new EnumMap<>(NcciFiles.Kind.class);
        Map<NcciFiles.Kind, List<MueRow>> mue = new EnumMap<>(NcciFiles.Kind.class);
        Map<NcciFiles.Kind, List<String>> mueFiles = new EnumMap<>(NcciFiles.Kind.class);
        Map<NcciFiles.Kind, String> mueVersion = new EnumMap<>(NcciFiles.Kind.class);
        List<AocRow> aocRows = new ArrayList<>();
        List<String> aocFiles = new ArrayList<>();
        String aocVersion = null;
        int good = 0;
        for (NcciFiles.Source s : sources) {
            int before = problems.size();
            int read;
            try (InputStream in = s.open().get()) {
                read = switch (s.kind()) {
                    case PTP_PRACTITIONER, PTP_HOSPITAL -> {
                        PtpTable.Builder b = ptp.computeIfAbsent(s.kind(), k -> PtpTable.builder(
                                k == NcciFiles.Kind.PTP_PRACTITIONER ? "practitioner" : "outpatient hospital"));
                        b.file(s.displayName(), s.version());
                        yield PtpFileReader.read(in, s.displayName(), b::add, problems);
                    }
                    case MUE_PRACTITIONER, MUE_HOSPITAL, MUE_DME -> {
                        List<MueRow> rows = mue.computeIfAbsent(s.kind(), k -> new ArrayList<>());
                        mueFiles.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.displayName());
                        mueVersion.merge(s.kind(), s.version(), (a, b) -> a.equals(b) ? a : a + "+" + b);
                        yield MueFileReader.read(in, s.displayName(), rows::add, problems);
                    }
                    case AOC -> {
                        aocFiles.add(s.displayName());
                        aocVersion = aocVersion == null ? s.version() : aocVersion + "+" + s.version();
                        yield AocFileReader.read(in, s.displayName(), aocRows::add, problems, limits);
                    }
                };
            } catch (IOException | UncheckedIOException e) {
                throw NcciLoadException.inFile(s.displayName(), 0, "cannot read: " + ReferenceDataException.reason(e));
            }
            checkFile(s.displayName(), read, problems.subList(before, problems.size()), maxBadShare);
            good += read;
        }
        List<ReadProblem> tableProblems = new ArrayList<>(problems);
        NcciTables tables = new NcciTables(
                build(ptp.get(NcciFiles.Kind.PTP_PRACTITIONER)),
                build(ptp.get(NcciFiles.Kind.PTP_HOSPITAL)),
                mue(NcciFiles.Kind.MUE_PRACTITIONER, "practitioner", mue, mueFiles, mueVersion, tableProblems),
                mue(NcciFiles.Kind.MUE_HOSPITAL, "outpatient hospital", mue, mueFiles, mueVersion, tableProblems),
                mue(NcciFiles.Kind.MUE_DME, "DME supplier", mue, mueFiles, mueVersion, tableProblems),
                aocRows.isEmpty() && aocFiles.isEmpty() ? null : AocTable.of(aocVersion, aocFiles, aocRows),
                tableProblems.stream().map(ReadProblem::toString).toList(),
                good,
                (System.nanoTime() - start) / 1_000_000);
        return tables;
    }

    /** The tolerated share must be a share: 0 (no bad row) to 1 (any). */
    public static void checkShare(double maxBadShare) {
        if (!(maxBadShare >= 0 && maxBadShare <= 1)) {
            throw new IllegalArgumentException("the share of unreadable NCCI rows tolerated must be between 0 and 1 "
                    + "(0.001 = 0.1 %), not " + maxBadShare);
        }
    }

    /**
     * A file's rows judged against that file alone, so one broken file is not diluted by the millions of good rows
     * of the others: no rows at all, or more bad rows than the tolerated share, fails the load.
     */
    private static void checkFile(String file, int good, List<ReadProblem> bad, double maxBadShare) {
        int total = good + bad.size();
        if (total == 0) {
            throw NcciLoadException.inFile(file, 0, "holds a header but no rows: an empty table would remove "
                    + "every edit it should hold");
        }
        if (!bad.isEmpty() && (good == 0 || bad.size() > maxBadShare * total)) {
            throw new NcciLoadException(String.format(Locale.ROOT, "cannot load NCCI tables: %s: %d of %d rows could "
                    + "not be read (more than the tolerated %s %%); first: %s", file, bad.size(), total,
                    BigDecimal.valueOf(maxBadShare * 100).stripTrailingZeros().toPlainString(), bad.get(0)), bad);
        }
    }

    private static PtpTable build(PtpTable.Builder b) {
        return b == null ? null : b.build();
    }

    private static MueTable mue(NcciFiles.Kind kind, String name, Map<NcciFiles.Kind, List<MueRow>> rows,
                                Map<NcciFiles.Kind, List<String>> files, Map<NcciFiles.Kind, String> versions,
                                List<ReadProblem> problems) {
        List<MueRow> r = rows.get(kind);
        return r == null ? null : MueTable.of(name, versions.get(kind), files.get(kind), r, problems);
    }
}
