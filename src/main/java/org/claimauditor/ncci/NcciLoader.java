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
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
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
        List<String> notes = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        quarters(sources, notes).forEach((kind, periods) -> periods.forEach((period, files) ->
                groups.add(new Group(kind, period, files))));
        // quarters are independent: read them on all cores (four full quarters are 7 million PTP rows)
        List<Loaded> loaded = groups.parallelStream().map(g -> g.load(maxBadShare, limits)).toList();
        List<ReadProblem> problems = new ArrayList<>();
        Map<NcciFiles.Kind, List<Quarters.Quarter<PtpTable>>> ptp = new EnumMap<>(NcciFiles.Kind.class);
        Map<NcciFiles.Kind, List<Quarters.Quarter<MueTable>>> mue = new EnumMap<>(NcciFiles.Kind.class);
        List<Quarters.Quarter<AocTable>> aoc = new ArrayList<>();
        int good = 0;
        for (Loaded l : loaded) {
            problems.addAll(l.problems());
            good += l.rows();
            switch (l.kind()) {
                case PTP_PRACTITIONER, PTP_HOSPITAL -> ptp.computeIfAbsent(l.kind(), x -> new ArrayList<>())
                        .add(new Quarters.Quarter<>(l.version(), l.period(), (PtpTable) l.table()));
                case MUE_PRACTITIONER, MUE_HOSPITAL, MUE_DME -> mue.computeIfAbsent(l.kind(), x -> new ArrayList<>())
                        .add(new Quarters.Quarter<>(l.version(), l.period(), (MueTable) l.table()));
                case AOC -> aoc.add(new Quarters.Quarter<>(l.version(), l.period(), (AocTable) l.table()));
            }
        }
        return new NcciTables(
                Quarters.of(ptp.getOrDefault(NcciFiles.Kind.PTP_PRACTITIONER, List.of())),
                Quarters.of(ptp.getOrDefault(NcciFiles.Kind.PTP_HOSPITAL, List.of())),
                Quarters.of(mue.getOrDefault(NcciFiles.Kind.MUE_PRACTITIONER, List.of())),
                Quarters.of(mue.getOrDefault(NcciFiles.Kind.MUE_HOSPITAL, List.of())),
                Quarters.of(mue.getOrDefault(NcciFiles.Kind.MUE_DME, List.of())),
                Quarters.of(aoc),
                problems.stream().map(ReadProblem::toString).toList(),
                notes,
                good,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The files of one table kind and quarter, read into one table. */
    private record Group(NcciFiles.Kind kind, QuarterPeriod period, List<NcciFiles.Source> files) {

        Loaded load(double maxBadShare, Limits limits) {
            List<ReadProblem> problems = new ArrayList<>();
            String version = String.join("+", files.stream().map(NcciFiles.Source::version).distinct().toList());
            List<String> names = files.stream().map(NcciFiles.Source::displayName).toList();
            int good = 0;
            Object table;
            switch (kind) {
                case PTP_PRACTITIONER, PTP_HOSPITAL -> {
                    PtpTable.Builder b = PtpTable.builder(kind == NcciFiles.Kind.PTP_PRACTITIONER
                            ? "practitioner" : "outpatient hospital").period(period);
                    for (NcciFiles.Source s : files) {
                        b.file(s.displayName(), s.version());
                        good += readFile(s, problems, maxBadShare, in -> PtpFileReader.read(in, s.displayName(), b::add, problems));
                    }
                    table = b.build();
                }
                case MUE_PRACTITIONER, MUE_HOSPITAL, MUE_DME -> {
                    List<MueRow> rows = new ArrayList<>();
                    for (NcciFiles.Source s : files) {
                        good += readFile(s, problems, maxBadShare, in -> MueFileReader.read(in, s.displayName(), rows::add, problems));
                    }
                    String name = switch (kind) {
                        case MUE_PRACTITIONER -> "practitioner";
                        case MUE_HOSPITAL -> "outpatient hospital";
                        default -> "DME supplier";
                    };
                    table = MueTable.of(name, version, period, names, rows, problems);
                }
                default -> {
                    List<AocRow> rows = new ArrayList<>();
                    for (NcciFiles.Source s : files) {
                        good += readFile(s, problems, maxBadShare, in -> AocRowCache.read(in, s.displayName(), rows::add, problems, limits));
                    }
                    table = AocTable.of(version, period, names, rows);
                }
            }
            return new Loaded(kind, version, period, table, problems, good);
        }
    }

    private record Loaded(NcciFiles.Kind kind, String version, QuarterPeriod period, Object table,
                          List<ReadProblem> problems, int rows) { }

    /** Reads one file and checks its rows against its own count (see {@link #checkFile}); returns the good rows. */
    private static int readFile(NcciFiles.Source s, List<ReadProblem> problems, double maxBadShare, FileRead read) {
        int before = problems.size();
        int good;
        try (InputStream in = s.open().get()) {
            good = read.rows(in);
        } catch (IOException | UncheckedIOException e) {
            throw NcciLoadException.inFile(s.displayName(), 0, "cannot read: " + ReferenceDataException.reason(e));
        }
        checkFile(s.displayName(), good, problems.subList(before, problems.size()), maxBadShare);
        return good;
    }

    @FunctionalInterface
    private interface FileRead {
        int rows(InputStream in) throws IOException;
    }

    /**
     * The files of each kind grouped by the quarter they apply to, oldest first. PTP: the quarter of the version
     * ({@code v322r0} = July to September 2026), and of several revisions of a quarter only the newest is loaded (CMS
     * republishes the whole quarter in a revision); MUE: from the file's {@code Eff} date to the day before the next
     * file's of the same setting, the newest to the end of its calendar quarter; AOC: the workbook's quarter.
     *
     * @throws NcciLoadException naming the file when its name does not tell its quarter
     */
    static Map<NcciFiles.Kind, Map<QuarterPeriod, List<NcciFiles.Source>>> quarters(List<NcciFiles.Source> sources,
                                                                                  List<String> notes) {
        Map<NcciFiles.Kind, TreeMap<LocalDate, List<NcciFiles.Source>>> byStart = new EnumMap<>(NcciFiles.Kind.class);
        Map<NcciFiles.Kind, Map<LocalDate, Integer>> revisions = new EnumMap<>(NcciFiles.Kind.class);
        for (NcciFiles.Source s : sources) {
            LocalDate from = start(s);
            List<NcciFiles.Source> same = byStart.computeIfAbsent(s.kind(), k -> new TreeMap<>())
                    .computeIfAbsent(from, d -> new ArrayList<>());
            if (s.kind() == NcciFiles.Kind.PTP_PRACTITIONER || s.kind() == NcciFiles.Kind.PTP_HOSPITAL) {
                int revision = QuarterPeriod.ptpRevision(s.version());
                Integer kept = revisions.computeIfAbsent(s.kind(), k -> new HashMap<>()).putIfAbsent(from, revision);
                if (kept != null && revision > kept) {
                    same.forEach(old -> notes.add(superseded(old, s.version())));
                    same.clear();
                    revisions.get(s.kind()).put(from, revision);
                } else if (kept != null && revision < kept) {
                    notes.add(superseded(s, same.get(0).version()));
                    continue;
                }
            }
            same.add(s);
        }
        Map<NcciFiles.Kind, Map<QuarterPeriod, List<NcciFiles.Source>>> out = new EnumMap<>(NcciFiles.Kind.class);
        byStart.forEach((kind, starts) -> {
            Map<QuarterPeriod, List<NcciFiles.Source>> periods = new LinkedHashMap<>();
            starts.forEach((from, files) -> {
                LocalDate next = starts.higherKey(from);
                LocalDate to = kind == NcciFiles.Kind.MUE_PRACTITIONER || kind == NcciFiles.Kind.MUE_HOSPITAL
                        || kind == NcciFiles.Kind.MUE_DME
                        ? (next != null ? next.minusDays(1) : QuarterPeriod.calendarQuarter(from).to())
                        : QuarterPeriod.calendarQuarter(from).to();
                periods.put(new QuarterPeriod(from, to), files);
            });
            out.put(kind, periods);
        });
        return out;
    }

    private static String superseded(NcciFiles.Source old, String newer) {
        return "NCCI " + old.displayName() + ": not loaded, revision " + newer + " of the same quarter is";
    }

    /** The first date of service a file applies to, from its name. */
    private static LocalDate start(NcciFiles.Source s) {
        return switch (s.kind()) {
            case PTP_PRACTITIONER, PTP_HOSPITAL -> {
                QuarterPeriod p = QuarterPeriod.ofPtpVersion(s.version());
                if (p == null) {
                    throw NcciLoadException.inFile(s.displayName(), 0, "cannot tell the quarter of PTP version '"
                            + s.version() + "': CMS names versions v<YY><Q>r<N>, e.g. v322r0 = July to September 2026");
                }
                yield p.from();
            }
            case MUE_PRACTITIONER, MUE_HOSPITAL, MUE_DME -> LocalDate.parse(s.version().substring("Eff ".length()));
            case AOC -> QuarterPeriod.quarter(Integer.parseInt(s.version().substring(0, 4)),
                    s.version().charAt(5) - '0').from();
        };
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
}
