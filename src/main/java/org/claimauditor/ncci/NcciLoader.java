package org.claimauditor.ncci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the NCCI files a user downloaded from CMS (plain or zipped, recognised by name) into indexed tables.
 * Unreadable rows are reported with file and line and counted; the load fails when their share exceeds
 * {@code maxBadShare}, or when the folder holds no NCCI file at all.
 */
public final class NcciLoader {

    /** Default share of unreadable rows tolerated per load (0.1 %). */
    public static final double DEFAULT_MAX_BAD_SHARE = 0.001;

    private NcciLoader() { }

    public static NcciTables load(Path dir) {
        return load(dir, DEFAULT_MAX_BAD_SHARE);
    }

    public static NcciTables load(Path dir, double maxBadShare) {
        long start = System.nanoTime();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NcciLoadException("NCCI folder not found: " + dir + " (pass --ncci-dir DIR, or --no-ncci to audit without NCCI edits)", List.of());
        }
        List<NcciFiles.Source> sources;
        try {
            sources = NcciFiles.scan(dir);
        } catch (UncheckedIOException e) {
            throw new NcciLoadException("cannot list " + dir + ": " + e.getMessage(), List.of());
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
            try (InputStream in = s.open().get()) {
                switch (s.kind()) {
                    case PTP_PRACTITIONER, PTP_HOSPITAL -> {
                        PtpTable.Builder b = ptp.computeIfAbsent(s.kind(), k -> PtpTable.builder(
                                k == NcciFiles.Kind.PTP_PRACTITIONER ? "practitioner" : "outpatient hospital"));
                        b.file(s.displayName(), s.version());
                        good += PtpFileReader.read(in, s.displayName(), b::add, problems);
                    }
                    case MUE_PRACTITIONER, MUE_HOSPITAL, MUE_DME -> {
                        List<MueRow> rows = mue.computeIfAbsent(s.kind(), k -> new ArrayList<>());
                        mueFiles.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.displayName());
                        mueVersion.merge(s.kind(), s.version(), (a, b) -> a.equals(b) ? a : a + "+" + b);
                        good += MueFileReader.read(in, s.displayName(), rows::add, problems);
                    }
                    case AOC -> {
                        aocFiles.add(s.displayName());
                        aocVersion = aocVersion == null ? s.version() : aocVersion + "+" + s.version();
                        good += AocFileReader.read(in, s.displayName(), aocRows::add, problems);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + s.displayName(), e);
            }
        }
        int bad = problems.size();
        if (bad > 0 && bad > maxBadShare * (good + bad)) {
            throw new NcciLoadException(bad + " of " + (good + bad) + " NCCI rows could not be read (more than "
                    + (maxBadShare * 100) + " %); first: " + problems.get(0), problems);
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
